import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStderrLogger, noopLogger } from '../core';
import { parseCommand, usage, UsageError, type Command } from './args';
import { CliError, ExitCode } from './cliError';
import { runFriend } from './commands/friend';
import { runGroup } from './commands/group';
import { runDownloadCommand } from './commands/download';
import { runSendFile } from './commands/sendFile';
import { runHistory } from './commands/history';
import { runSearch } from '../core/search/cli/searchCommand';
import { runListen } from './commands/listen';
import { runLogin } from './commands/login';
import { runLogout } from './commands/logout';
import { runSend } from './commands/send';
import { runSync } from './commands/sync';
import { EngineBusyError, openEngine, type EngineAccess } from './engineAccess';

/** Beside this bundle's folder (dist/cli/main.mjs) sits the store worker, dist/storeWorker.mjs. */
const storeWorkerPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../storeWorker.mjs');

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function run(command: Exclude<Command, { kind: 'help' }>): Promise<number> {
  const engine: EngineAccess = await openEngine({
    dataDir: command.dataDir,
    logger: command.verbose ? createStderrLogger('info') : noopLogger,
    own: command.kind === 'listen',
    timeoutMs: command.timeoutMs,
    storeWorkerPath,
  });
  try {
    const { api } = engine;
    switch (command.kind) {
      case 'login':
      case 'login-basic':
      case 'register':
        return await runLogin(api, command);
      case 'send':
        return await runSend(api, command);
      case 'listen':
        return await runListen(api, command, stopSignal());
      case 'history':
        return await runHistory(api, command, engine.role === 'local');
      case 'search':
        return await runSearch(api, command.search);
      case 'sync':
        return await runSync(api, command);
      case 'logout':
        return await runLogout(api);
      case 'friend':
        return await runFriend(api, command.friend, command);
      case 'group':
        return await runGroup(api, command.group, command);
      case 'send-file':
        return await runSendFile(api, command.sendFile, command);
      case 'download':
        return await runDownloadCommand(api, command.download, command);
    }
  } finally {
    await engine.close();
  }
}

async function main(): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`tidings: ${error.message}\n\n${usage}\n`);
    return ExitCode.usage;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${usage}\n`);
    return ExitCode.ok;
  }
  try {
    return await run(command);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`tidings: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof EngineBusyError) {
      process.stderr.write(`tidings: ${error.message}\n`);
      return ExitCode.failed;
    }
    process.stderr.write(`tidings: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failed;
  }
}

/** Exits once stdout and stderr have written everything (a pipe may still hold output). */
function exit(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main().then(exit, (error: unknown) => {
  process.stderr.write(
    `tidings: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  exit(ExitCode.failed);
});
