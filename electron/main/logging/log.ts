import path from 'node:path';
import log from 'electron-log/node';

/**
 * The app's log: electron-log's file transport in `<userData>/logs/main.log` (rotated to
 * main.old.log at 1 MiB). The Node entry of electron-log, not `electron-log/main`: the main
 * entry registers an `__ELECTRON_LOG__` IPC listener that takes log lines from any renderer,
 * unvalidated, and our page logs nothing through IPC.
 * Callers pass event names, ids, counts and codes: never tokens, passwords or message bodies.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export type LoggingOptions = Readonly<{
  /** `app.getPath('userData')`. */
  userDataDir: string;
  /** A packaged app writes nothing to a console nobody reads; development also prints warnings. */
  isPackaged: boolean;
}>;

/** Where the log file of this profile lives. */
export function logFileFor(userDataDir: string): string {
  return path.join(userDataDir, 'logs', 'main.log');
}

let currentFile: string | null = null;

// No log file until the profile folder is known (electron-log would otherwise pick a default
// folder of its own); until then warnings and errors go to the console.
log.transports.file.level = false;
log.transports.console.level = 'warn';

/** Points the log at this profile's folder. Call once, right after the profile path is final. */
export function configureLogging({ userDataDir, isPackaged }: LoggingOptions): string {
  const file = logFileFor(userDataDir);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.level = 'info';
  // Server addresses and user ids are nobody else's business on a shared machine.
  log.transports.file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  log.transports.console.level = isPackaged ? false : 'warn';
  currentFile = file;
  return file;
}

/** The file being written, or null before `configureLogging`. */
export function currentLogFile(): string | null {
  return currentFile;
}

/** A message for the log from anything thrown; the stack stays out of info-level noise. */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function logError(event: string, error: unknown, fields: LogFields = {}): void {
  log.error(event, { ...fields, error: errorText(error) });
}

export function logWarning(event: string, message: string, fields: LogFields = {}): void {
  log.warn(event, { ...fields, message });
}

export function logInfo(event: string, fields: LogFields = {}): void {
  log.info(event, fields);
}

/** The electron-log instance, for libraries that take a `{ info, warn, error }` logger (electron-updater). */
export const appLog = log;
