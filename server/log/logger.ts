import type { LogLevel } from '../config';

export type LogFields = Readonly<Record<string, unknown>>;

/** A structured JSON-lines logger (pino replaces it later; keep call sites pino-shaped: message + fields). */
export type Logger = Readonly<{
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(bindings: LogFields): Logger;
}>;

const rank: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * Keys whose values never reach the log, whatever the level: secrets, and message content
 * (users' words are not ours to keep in log files).
 */
const redactedKeys = new Set([
  'token',
  'logintoken',
  'password',
  'authorization',
  'body',
  'datacontent',
  'text',
]);

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
  bindings: LogFields = {},
): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void => {
    if (rank[at] < rank[level]) return;
    const record = {
      time: new Date().toISOString(),
      level: at,
      msg: message,
      ...sanitize(bindings),
      ...sanitize(fields ?? {}),
    };
    write(`${JSON.stringify(record)}\n`);
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    child: (more) => createLogger(level, write, { ...bindings, ...more }),
  };
}

function sanitize(fields: LogFields, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = redactedKeys.has(key.toLowerCase()) ? '[redacted]' : sanitizeValue(value, depth);
  }
  return out;
}

function sanitizeValue(value: unknown, depth: number): unknown {
  if (value instanceof Error) {
    // The message of a database or zod error can quote input; the stack is what we need.
    return { name: value.name, message: value.message, stack: value.stack };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return depth >= 3 ? '[object]' : sanitize(value as LogFields, depth + 1);
  }
  return value;
}
