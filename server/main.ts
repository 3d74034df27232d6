// The `tidings-server` command: parse options, start, print the listening line, stop on signals.
import { startServer } from './app';
import { parseCommandLine } from './commandLine';
import { createLogger } from './log/logger';

async function main(): Promise<void> {
  const command = parseCommandLine(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    process.stdout.write(`${command.text}\n`);
    return;
  }
  if (command.kind === 'error') {
    process.stderr.write(`tidings-server: ${command.message}\nRun with --help for the options.\n`);
    process.exitCode = 1;
    return;
  }
  const { config } = command;
  const logger = createLogger(config.logLevel);

  let server;
  try {
    server = await startServer(config, { logger });
  } catch (error) {
    logger.error('server failed to start', { error });
    process.stderr.write(`tidings-server: cannot start: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  // The one stdout line; scripts and tests wait for it.
  process.stdout.write(`Tidings server listening on ${server.url}\n`);

  const running = server;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn('second signal, exiting at once', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('stopping', { signal });
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

await main();
