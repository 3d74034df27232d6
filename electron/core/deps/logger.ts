/**
 * Structured fields of a log entry. Callers pass ids, counts and codes only: never tokens,
 * passwords or message bodies.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The engine's only way to say something; hosts route it (electron-log, stderr, a test buffer). */
export type Logger = Readonly<{ [L in LogLevel]: (event: string, fields?: LogFields) => void }>;

const noop = (): void => {};

export const noopLogger: Logger = Object.freeze({ debug: noop, info: noop, warn: noop, error: noop });

const rank: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

/** One JSON line per entry on stderr, at `minLevel` and above. */
export function createStderrLogger(minLevel: LogLevel = 'warn', clock: () => number = Date.now): Logger {
  const write =
    (level: LogLevel) =>
    (event: string, fields?: LogFields): void => {
      if (rank[level] < rank[minLevel]) return;
      process.stderr.write(
        `${JSON.stringify({ time: clock(), level, scope: 'engine', event, ...fields })}\n`,
      );
    };
  return Object.freeze({
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  });
}

/** A message for the log from anything thrown, without stack noise. */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
