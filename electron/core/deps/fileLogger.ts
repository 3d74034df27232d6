import fs from 'node:fs/promises';
import path from 'node:path';
import type { LogFields, Logger, LogLevel } from './logger';

export type FileLogOptions = Readonly<{
  dir: string;
  /** Base name; rotated files are `<name>.1.log` (newest) … `<name>.<maxFiles>.log`. */
  name?: string;
  maxBytes?: number;
  maxFiles?: number;
  minLevel?: LogLevel;
  now?: () => number;
}>;

export type FileLogger = Logger & Readonly<{ flush(): Promise<void> }>;

const rank: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * JSON lines in `<dir>/<name>.log`, rotated by size so a user's bug report can carry the last
 * few megabytes. Logging only queues the line; the writes happen asynchronously in order, so
 * the engine never waits on the disk. A failing disk loses log lines, never engine work.
 */
export function createFileLogger(options: FileLogOptions): FileLogger {
  const name = options.name ?? 'engine';
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 5;
  const minLevel = options.minLevel ?? 'info';
  const now = options.now ?? Date.now;
  const current = path.join(options.dir, `${name}.log`);
  const rotated = (n: number): string => path.join(options.dir, `${name}.${n}.log`);

  let queue: string[] = [];
  let size: number | null = null;
  let writing: Promise<void> | null = null;
  let broken = false;

  const rotate = async (): Promise<void> => {
    await fs.rm(rotated(maxFiles), { force: true });
    for (let n = maxFiles - 1; n >= 1; n--)
      await fs.rename(rotated(n), rotated(n + 1)).catch(() => undefined);
    await fs.rename(current, rotated(1)).catch(() => undefined);
    size = 0;
  };

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const chunk = queue.join('');
      queue = [];
      const bytes = Buffer.byteLength(chunk);
      try {
        if (size === null) {
          await fs.mkdir(options.dir, { recursive: true });
          size = await fs.stat(current).then(
            (s) => s.size,
            () => 0,
          );
        }
        if (size > 0 && size + bytes > maxBytes) await rotate();
        await fs.appendFile(current, chunk, { encoding: 'utf8', mode: 0o600 });
        size += bytes;
      } catch {
        broken = true;
      }
    }
  };

  const kick = (): void => {
    if (writing) return;
    writing = drain().finally(() => {
      writing = null;
      if (queue.length > 0 && !broken) kick();
    });
  };

  const write =
    (level: LogLevel) =>
    (event: string, fields?: LogFields): void => {
      if (broken || rank[level] < rank[minLevel]) return;
      queue.push(`${JSON.stringify({ time: now(), level, event, ...fields })}\n`);
      kick();
    };

  return Object.freeze({
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    async flush() {
      while (writing) await writing;
    },
  });
}

/** One logger that writes to several. */
export function teeLogger(...loggers: readonly Logger[]): Logger {
  const at =
    (level: LogLevel) =>
    (event: string, fields?: LogFields): void => {
      for (const logger of loggers) logger[level](event, fields);
    };
  return Object.freeze({ debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') });
}
