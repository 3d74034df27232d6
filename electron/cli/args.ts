import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { senseModeSchema, type SenseMode } from '../../shared/ipc';
import {
  SEARCH_USAGE,
  searchOptions,
  searchRequest,
  type SearchCliRequest,
} from '../core/search/cli/searchCommand';
import { FRIEND_USAGE, FriendUsageError, parseFriendArgs, type FriendCliRequest } from './commands/friend';
import { GROUP_USAGE, GroupUsageError, parseGroupArgs, type GroupCliRequest } from './commands/group';
import {
  DOWNLOAD_USAGE,
  DownloadUsageError,
  parseDownloadArgs,
  type DownloadCliRequest,
} from './commands/download';
import {
  SEND_FILE_USAGE,
  SendFileUsageError,
  parseSendFileArgs,
  type SendFileCliRequest,
} from './commands/sendFile';

export const usage = `Usage: tidings <command> [options]

Commands:
  login --server <http(s) URL> --user <username> --password <password>
  login --mobileimsdk --server <ws URL> --user <id> --token <token> [--sense-mode 5S]
  register --server <http(s) URL> --user <username> --password <password> [--display-name <name>]
  send <username | group> <text> [--timeout <seconds>]
  ${SEND_FILE_USAGE}
  ${DOWNLOAD_USAGE}
  ${GROUP_USAGE}
  listen [--json]
  history <username> [--json] [--limit <n>]
  ${FRIEND_USAGE}
  ${SEARCH_USAGE}
  sync [--json] [--timeout <seconds>]
  logout

Options for every command:
  --data-dir <dir>   where the account lives (env TIDINGS_DATA_DIR, default ~/.tidings)
  --verbose          engine log lines on stderr
  -h, --help         this help

While \`tidings listen\` runs, the other commands on the same data dir hand their work to it.
Exit codes: 0 done, 1 failed, 2 bad usage, 3 not done in time (a message stays queued and is sent later).`;

export type Common = Readonly<{ dataDir: string; json: boolean; verbose: boolean; timeoutMs: number }>;

export type Command =
  | Readonly<{ kind: 'help' }>
  | (Common &
      (
        | Readonly<{ kind: 'login'; server: string; user: string; password: string }>
        | Readonly<{ kind: 'login-basic'; server: string; user: string; token: string; senseMode: SenseMode }>
        | Readonly<{ kind: 'register'; server: string; user: string; password: string; displayName: string }>
        | Readonly<{ kind: 'send'; to: string; text: string }>
        | Readonly<{ kind: 'listen' }>
        | Readonly<{ kind: 'history'; with: string; limit: number }>
        | Readonly<{ kind: 'search'; search: SearchCliRequest }>
        | Readonly<{ kind: 'sync' }>
        | Readonly<{ kind: 'logout' }>
        | Readonly<{ kind: 'friend'; friend: FriendCliRequest }>
        | Readonly<{ kind: 'group'; group: GroupCliRequest }>
        | Readonly<{ kind: 'send-file'; sendFile: SendFileCliRequest }>
        | Readonly<{ kind: 'download'; download: DownloadCliRequest }>
      ));

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function defaultDataDir(env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env.TIDINGS_DATA_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(os.homedir(), '.tidings');
}

const options = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  server: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  token: { type: 'string' },
  mobileimsdk: { type: 'boolean', default: false },
  'sense-mode': { type: 'string' },
  'display-name': { type: 'string' },
  limit: { type: 'string' },
  timeout: { type: 'string' },
  message: { type: 'string' },
  to: { type: 'string' },
  ...searchOptions,
} as const;

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value;
}

function positiveInt(value: string | undefined, flag: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${flag} must be a whole number from 1 to ${max}`);
  return n;
}

/** Parses argv (without node and the script). Throws UsageError with a readable message. */
export function parseCommand(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || name === undefined || name === 'help') return { kind: 'help' };
  const common: Common = {
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir(env),
    json: values.json,
    verbose: values.verbose,
    timeoutMs: positiveInt(values.timeout, '--timeout', 30, 3600) * 1000,
  };
  const noMore = (count: number): void => {
    if (rest.length > count) throw new UsageError(`unexpected argument "${rest[count] ?? ''}"`);
  };
  switch (name) {
    case 'login': {
      noMore(0);
      if (values.mobileimsdk) {
        const mode = values['sense-mode'] ?? '5S';
        const senseMode = senseModeSchema.safeParse(mode);
        if (!senseMode.success)
          throw new UsageError(`--sense-mode must be one of ${senseModeSchema.options.join(', ')}`);
        return {
          ...common,
          kind: 'login-basic',
          server: need(values.server, '--server'),
          user: need(values.user, '--user'),
          token: values.token ?? '',
          senseMode: senseMode.data,
        };
      }
      return {
        ...common,
        kind: 'login',
        server: need(values.server, '--server'),
        user: need(values.user, '--user'),
        password: need(values.password ?? env.TIDINGS_PASSWORD, '--password'),
      };
    }
    case 'register': {
      noMore(0);
      const user = need(values.user, '--user');
      return {
        ...common,
        kind: 'register',
        server: need(values.server, '--server'),
        user,
        password: need(values.password ?? env.TIDINGS_PASSWORD, '--password'),
        displayName: values['display-name'] ?? user,
      };
    }
    case 'send': {
      noMore(2);
      const [to, text] = rest;
      return { ...common, kind: 'send', to: need(to, '<username>'), text: need(text, '<text>') };
    }
    case 'listen':
      noMore(0);
      return { ...common, kind: 'listen' };
    case 'history': {
      noMore(1);
      return {
        ...common,
        kind: 'history',
        with: need(rest[0], '<username>'),
        limit: positiveInt(values.limit, '--limit', 50, 500),
      };
    }
    case 'search':
      return { ...common, kind: 'search', search: searchRequest(rest, values) };
    case 'sync':
      noMore(0);
      return { ...common, kind: 'sync' };
    case 'logout':
      noMore(0);
      return { ...common, kind: 'logout' };
    case 'friend':
      try {
        return { ...common, kind: 'friend', friend: parseFriendArgs(rest, values.message) };
      } catch (error) {
        throw error instanceof FriendUsageError ? new UsageError(error.message) : error;
      }
    case 'group':
      try {
        return { ...common, kind: 'group', group: parseGroupArgs(rest) };
      } catch (error) {
        throw error instanceof GroupUsageError ? new UsageError(error.message) : error;
      }
    case 'send-file':
      try {
        return { ...common, kind: 'send-file', sendFile: parseSendFileArgs(rest) };
      } catch (error) {
        throw error instanceof SendFileUsageError ? new UsageError(error.message) : error;
      }
    case 'download':
      try {
        return { ...common, kind: 'download', download: parseDownloadArgs(rest, values.to) };
      } catch (error) {
        throw error instanceof DownloadUsageError ? new UsageError(error.message) : error;
      }
    default:
      throw new UsageError(`unknown command "${name}"`);
  }
}
