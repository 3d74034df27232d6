import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Every timing the server uses; tests shrink them through `--config`. */
export type Timings = Readonly<{
  /** A socket that has not logged in by then is closed. */
  loginDeadlineMs: number;
  /** A socket that sent nothing for this long is closed (the wire doc's "expire"). */
  idleExpiryMs: number;
  /** How long a pushed message waits for the receiver's ACK before it is pushed again. */
  pushRetryMs: number;
  /** Pushes after the first one; then the message waits for the receiver's next login. */
  pushMaxRetries: number;
  /** How long shutdown waits for sockets and requests before cutting them off. */
  shutdownGraceMs: number;
}>;

export type ServerConfig = Readonly<{
  host: string;
  /** 0 = any free port. */
  port: number;
  /** Absolute path; the database lives at `<dataDir>/tidings.db`. */
  dataDir: string;
  logLevel: LogLevel;
  timings: Timings;
  /** Most messages committed in one transaction (group commit). */
  batchMaxMessages: number;
  httpBodyLimitBytes: number;
}>;

export const defaultTimings: Timings = {
  loginDeadlineMs: 10_000,
  idleExpiryMs: 20_000,
  pushRetryMs: 3_000,
  pushMaxRetries: 2,
  shutdownGraceMs: 3_000,
};

/** Defaults with `dataDir` resolved against `cwd`. */
export function defaultConfig(cwd: string = process.cwd()): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 7700,
    dataDir: path.resolve(cwd, 'data'),
    logLevel: 'info',
    timings: defaultTimings,
    batchMaxMessages: 256,
    httpBodyLimitBytes: 64 * 1024,
  };
}

const portSchema = z.number().int().min(0).max(65_535);
const msSchema = z
  .number()
  .int()
  .min(1)
  .max(24 * 60 * 60 * 1000);

/** The `--config` JSON file: any subset of the config; unknown keys are an error (typos should not pass silently). */
const configFileSchema = z.strictObject({
  host: z.string().min(1).optional(),
  port: portSchema.optional(),
  dataDir: z.string().min(1).optional(),
  logLevel: z.enum(logLevels).optional(),
  timings: z
    .strictObject({
      loginDeadlineMs: msSchema.optional(),
      idleExpiryMs: msSchema.optional(),
      pushRetryMs: msSchema.optional(),
      pushMaxRetries: z.number().int().min(0).max(10).optional(),
      shutdownGraceMs: msSchema.optional(),
    })
    .optional(),
  batchMaxMessages: z.number().int().min(1).max(10_000).optional(),
  httpBodyLimitBytes: z
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .optional(),
});
type ConfigFile = z.infer<typeof configFileSchema>;

export const usage = `Usage: tidings-server [options]

Options:
  --host <address>      address to listen on (env TIDINGS_HOST, default 127.0.0.1)
  --port <number>       port, 0 = any free port (env TIDINGS_PORT, default 7700)
  --data-dir <path>     where tidings.db lives (env TIDINGS_DATA_DIR, default ./data)
  --config <file>       JSON file with any config keys, including "timings" (env TIDINGS_CONFIG)
  --log-level <level>   ${logLevels.join(' | ')} (env TIDINGS_LOG_LEVEL, default info)
  -h, --help            show this help

Precedence: flags, then environment, then the config file, then defaults.
Relative paths are resolved against the working directory.`;

export type CommandLine =
  | Readonly<{ kind: 'run'; config: ServerConfig }>
  | Readonly<{ kind: 'help'; text: string }>
  | Readonly<{ kind: 'error'; message: string }>;

type Options = { host?: string; port?: string; dataDir?: string; config?: string; logLevel?: string };

const flagNames: Readonly<Record<string, keyof Options>> = {
  '--host': 'host',
  '--port': 'port',
  '--data-dir': 'dataDir',
  '--config': 'config',
  '--log-level': 'logLevel',
};

class ConfigError extends Error {}

/**
 * Turns argv (without node and script), the environment and the config file into a config.
 * Never throws and never exits: main.ts decides what to print.
 */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string = process.cwd(),
  readFile: (file: string) => string = (file) => fs.readFileSync(file, 'utf8'),
): CommandLine {
  try {
    const flags = parseFlags(argv);
    if (flags === 'help') return { kind: 'help', text: usage };
    const fromEnv: Options = {
      host: nonEmpty(env.TIDINGS_HOST),
      port: nonEmpty(env.TIDINGS_PORT),
      dataDir: nonEmpty(env.TIDINGS_DATA_DIR),
      config: nonEmpty(env.TIDINGS_CONFIG),
      logLevel: nonEmpty(env.TIDINGS_LOG_LEVEL),
    };
    const pick = (key: keyof Options): { value: string; source: string } | undefined => {
      const flag = flags[key];
      if (flag !== undefined) return { value: flag, source: `--${kebab(key)}` };
      const fromVar = fromEnv[key];
      if (fromVar !== undefined) return { value: fromVar, source: `TIDINGS_${snake(key)}` };
      return undefined;
    };

    const configFile = pick('config');
    const file = configFile ? loadConfigFile(path.resolve(cwd, configFile.value), readFile) : {};
    const base = defaultConfig(cwd);

    const host = pick('host')?.value ?? file.host ?? base.host;
    const portOption = pick('port');
    const port = portOption ? parsePort(portOption.value, portOption.source) : (file.port ?? base.port);
    const dataDirOption = pick('dataDir')?.value ?? file.dataDir;
    const logLevelOption = pick('logLevel');
    const logLevel = logLevelOption
      ? parseLogLevel(logLevelOption.value, logLevelOption.source)
      : (file.logLevel ?? base.logLevel);

    const config: ServerConfig = {
      host,
      port,
      dataDir: dataDirOption === undefined ? base.dataDir : path.resolve(cwd, dataDirOption),
      logLevel,
      timings: { ...base.timings, ...stripUndefined(file.timings ?? {}) },
      batchMaxMessages: file.batchMaxMessages ?? base.batchMaxMessages,
      httpBodyLimitBytes: file.httpBodyLimitBytes ?? base.httpBodyLimitBytes,
    };
    return { kind: 'run', config };
  } catch (error) {
    if (error instanceof ConfigError) return { kind: 'error', message: error.message };
    throw error;
  }
}

function parseFlags(argv: readonly string[]): Options | 'help' {
  const options: Options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') return 'help';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const key = flagNames[name];
    if (key === undefined) throw new ConfigError(`unknown option ${JSON.stringify(arg)}`);
    let value: string | undefined;
    if (name !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new ConfigError(`${name} needs a value`);
      i++;
    }
    if (value === '') throw new ConfigError(`${name} needs a value`);
    options[key] = value;
  }
  return options;
}

function parsePort(text: string, source: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) {
    throw new ConfigError(`${source} must be a port number from 0 to 65535, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function parseLogLevel(text: string, source: string): LogLevel {
  const level = logLevels.find((l) => l === text);
  if (!level)
    throw new ConfigError(`${source} must be one of ${logLevels.join(', ')}, got ${JSON.stringify(text)}`);
  return level;
}

function loadConfigFile(file: string, readFile: (file: string) => string): ConfigFile {
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError(`config file ${file} is not valid JSON`);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new ConfigError(`config file ${file}: ${where}${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
