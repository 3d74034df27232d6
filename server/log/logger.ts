import pino from 'pino';
import type { LogLevel } from '../config';

export type LogFields = Readonly<Record<string, unknown>>;

/**
 * The server's structured logger: pino, writing JSON lines to stderr. Call sites pass the
 * message first and the fields second (`logger.info('logged in', { userId })`); this wrapper
 * hands them to pino in its (fields, message) order.
 */
export type Logger = Readonly<{
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(bindings: LogFields): Logger;
}>;

/**
 * Keys whose values never reach the log, at any level: credentials, and message content
 * (users' words are not ours to keep in log files). Matched at any depth up to
 * `REDACT_DEPTH` (pino's redaction takes explicit paths; `*` is one level).
 */
export const redactedKeys = [
  'token',
  'accessToken',
  'refreshToken',
  'loginToken',
  'adminToken',
  'password',
  'passwordHash',
  'authorization',
  'Authorization',
  'cookie',
  'secret',
  'body',
  'dataContent',
  'text',
] as const;
const REDACT_DEPTH = 4;
export const REDACTED = '[redacted]';

const redactPaths = redactedKeys.flatMap((key) =>
  Array.from({ length: REDACT_DEPTH }, (_, depth) => [...Array<string>(depth).fill('*'), key].join('.')),
);

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const base = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: REDACTED },
      // `error` is what our call sites name it; pino's own convention is `err`.
      serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err },
    },
    { write },
  );
  return wrap(base);
}

function wrap(log: pino.Logger): Logger {
  const at =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) log[method](message);
      else log[method](fields, message);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (bindings) => wrap(log.child(bindings)),
  };
}
