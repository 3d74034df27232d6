import fs from 'node:fs';
import path from 'node:path';
import { defaultConfig, logLevels, senseModeExpiryMs, type LogLevel, type ServerConfig } from './config';
import {
  adminTokenPattern,
  adminTokenRule,
  ConfigError,
  loadConfigFile,
  normalizeOrigin,
} from './configFile';

export const usage = `Usage: tidings-server [options]

Options:
  --host <address>      address to listen on (env TIDINGS_HOST, default 127.0.0.1)
  --port <number>       port, 0 = any free port (env TIDINGS_PORT, default 7700)
  --data-dir <path>     where tidings.db lives (env TIDINGS_DATA_DIR, default ./data)
  --admin-token <token> enables the admin API under /api/admin/ (env TIDINGS_ADMIN_TOKEN;
                        prefer the environment or the config file: flags show up in ps)
  --allowed-origins <a,b>
                        browser Origins allowed on /websocket, comma separated
                        (env TIDINGS_ALLOWED_ORIGINS; native clients send none and are allowed)
  --config <file>       JSON file with any config keys (env TIDINGS_CONFIG): "timings", "senseMode",
                        "publicUrl", "tls" {"certFile","keyFile"}, "auth", "admin", "rateLimit", ...
  --log-level <level>   ${logLevels.join(' | ')} (env TIDINGS_LOG_LEVEL, default info)
  -h, --help            show this help

Precedence: flags, then environment, then the config file, then defaults.
Relative paths are resolved against the working directory.`;

export type CommandLine =
  | Readonly<{ kind: 'run'; config: ServerConfig }>
  | Readonly<{ kind: 'help'; text: string }>
  | Readonly<{ kind: 'error'; message: string }>;

type Options = {
  host?: string;
  port?: string;
  dataDir?: string;
  config?: string;
  logLevel?: string;
  adminToken?: string;
  allowedOrigins?: string;
};

const flagNames: Readonly<Record<string, keyof Options>> = {
  '--host': 'host',
  '--port': 'port',
  '--data-dir': 'dataDir',
  '--config': 'config',
  '--log-level': 'logLevel',
  '--admin-token': 'adminToken',
  '--allowed-origins': 'allowedOrigins',
};

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
      adminToken: nonEmpty(env.TIDINGS_ADMIN_TOKEN),
      allowedOrigins: nonEmpty(env.TIDINGS_ALLOWED_ORIGINS),
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
    const adminTokenOption = pick('adminToken');
    const allowedOriginsOption = pick('allowedOrigins');
    const logLevel = logLevelOption
      ? parseLogLevel(logLevelOption.value, logLevelOption.source)
      : (file.logLevel ?? base.logLevel);

    const config: ServerConfig = {
      host,
      port,
      dataDir: dataDirOption === undefined ? base.dataDir : path.resolve(cwd, dataDirOption),
      logLevel,
      timings: {
        ...base.timings,
        idleExpiryMs: senseModeExpiryMs[file.senseMode ?? base.senseMode],
        ...stripUndefined(file.timings ?? {}),
      },
      batchMaxMessages: file.batchMaxMessages ?? base.batchMaxMessages,
      httpBodyLimitBytes: file.httpBodyLimitBytes ?? base.httpBodyLimitBytes,
      senseMode: file.senseMode ?? base.senseMode,
      allowedOrigins: allowedOriginsOption
        ? parseOrigins(allowedOriginsOption.value, allowedOriginsOption.source)
        : (file.allowedOrigins ?? base.allowedOrigins),
      rateLimit: file.rateLimit ?? base.rateLimit,
      adminToken: adminTokenOption
        ? parseAdminToken(adminTokenOption.value, adminTokenOption.source)
        : (file.adminToken ?? base.adminToken),
      publicUrl: file.publicUrl ?? base.publicUrl,
      tls: file.tls
        ? { certFile: path.resolve(cwd, file.tls.certFile), keyFile: path.resolve(cwd, file.tls.keyFile) }
        : base.tls,
      auth: { ...base.auth, ...stripUndefined(file.auth ?? {}) },
      admin: { ...base.admin, ...stripUndefined(file.admin ?? {}) },
      files: { ...base.files, ...stripUndefined(file.files ?? {}) },
      groups: { ...base.groups, ...stripUndefined(file.groups ?? {}) },
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

function parseAdminToken(text: string, source: string): string {
  if (!adminTokenPattern.test(text)) throw new ConfigError(`${source} ${adminTokenRule}`);
  return text;
}

function parseOrigins(text: string, source: string): string[] {
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const origin = normalizeOrigin(part);
      if (origin === null)
        throw new ConfigError(
          `${source}: ${JSON.stringify(part)} is not an origin like https://chat.example.com`,
        );
      return origin;
    });
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

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
