import { parseArgs } from 'node:util';
import { parseTimeArg } from './timeArg';

export const adminUsage = `Usage: tidings-admin --server <URL> --token <admin token> <command>

Commands:
  broadcast create --title <text> --body <text> [--expires <time>] [--active-since <time>]
                   [--min-version <x.y.z>] [--whitelist <userId,...>]
  broadcast edit <id> [--title <text>] [--body <text>] [--expires <time> | --no-expiry]
                 [--active-since <time>] [--min-version <x.y.z>]       (drafts and pre-releases)
  broadcast list
  broadcast get <id>
  broadcast prerelease|publish|stop|recall <id>
  broadcast whitelist add|remove <id> <userId> [<userId> ...]
  user disable|enable <userId>
  kick <userId> [--device <deviceId>]
  stats

Options:
  --server <URL>   the server's http(s) URL (env TIDINGS_SERVER)
  --token <token>  the admin token (env TIDINGS_ADMIN_TOKEN; prefer it: arguments show in ps)
  --json           print the server's JSON answer
  -h, --help       this help

<time> is epoch milliseconds, an ISO date (2026-12-01T09:00:00Z) or relative: +2h, -30d.
Exit codes: 0 done, 1 failed, 2 bad usage.`;

/** A mistake in the command line: printed with the usage, exit code 2. */
export class AdminUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminUsageError';
  }
}

/** What to ask the server, and how to show the answer. */
export type AdminRequest = Readonly<{
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  show: 'broadcast' | 'broadcasts' | 'stats' | 'json';
}>;

export type AdminInvocation =
  | Readonly<{ kind: 'help' }>
  | Readonly<{ kind: 'request'; server: string; token: string; json: boolean; request: AdminRequest }>;

const options = {
  server: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  title: { type: 'string' },
  body: { type: 'string' },
  expires: { type: 'string' },
  'no-expiry': { type: 'boolean', default: false },
  'active-since': { type: 'string' },
  'min-version': { type: 'string' },
  whitelist: { type: 'string' },
  device: { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof options, string | boolean>>;

const idPattern = /^[1-9]\d{0,15}$/;

function requireId(value: string | undefined, what: string): string {
  if (value === undefined) throw new AdminUsageError(`missing ${what}`);
  if (!idPattern.test(value)) throw new AdminUsageError(`${what} must be a number, not "${value}"`);
  return value;
}

function time(values: Values, name: 'expires' | 'active-since', now: number): number | undefined {
  const text = values[name];
  if (typeof text !== 'string') return undefined;
  const parsed = parseTimeArg(text, now);
  if (parsed === null) throw new AdminUsageError(`--${name}: not a time: "${text}"`);
  return parsed;
}

function audience(values: Values, now: number): Record<string, unknown> | undefined {
  const activeSince = time(values, 'active-since', now);
  const minVersion = values['min-version'];
  if (activeSince === undefined && typeof minVersion !== 'string') return undefined;
  return {
    ...(activeSince === undefined ? {} : { activeSince }),
    ...(typeof minVersion === 'string' ? { minClientVersion: minVersion } : {}),
  };
}

function broadcastRequest(positionals: readonly string[], values: Values, now: number): AdminRequest {
  const [verb, ...rest] = positionals;
  switch (verb) {
    case 'create': {
      if (typeof values.title !== 'string' || typeof values.body !== 'string')
        throw new AdminUsageError('broadcast create needs --title and --body');
      const expiresAt = time(values, 'expires', now);
      const whitelist =
        typeof values.whitelist === 'string'
          ? values.whitelist.split(',').map((id) => requireId(id.trim(), 'whitelist user id'))
          : [];
      const filters = audience(values, now);
      return {
        method: 'POST',
        path: '/api/admin/broadcasts',
        body: {
          title: values.title,
          body: values.body,
          ...(expiresAt === undefined ? {} : { expiresAt }),
          ...(filters ? { audience: filters } : {}),
          whitelist,
        },
        show: 'broadcast',
      };
    }
    case 'edit': {
      const id = requireId(rest[0], 'broadcast id');
      const expiresAt = values['no-expiry'] === true ? null : time(values, 'expires', now);
      const filters = audience(values, now);
      const body = {
        ...(typeof values.title === 'string' ? { title: values.title } : {}),
        ...(typeof values.body === 'string' ? { body: values.body } : {}),
        ...(expiresAt === undefined ? {} : { expiresAt }),
        ...(filters ? { audience: filters } : {}),
      };
      if (Object.keys(body).length === 0) throw new AdminUsageError('broadcast edit: nothing to change');
      return { method: 'PATCH', path: `/api/admin/broadcasts/${id}`, body, show: 'broadcast' };
    }
    case 'list':
      return { method: 'GET', path: '/api/admin/broadcasts', show: 'broadcasts' };
    case 'get':
      return {
        method: 'GET',
        path: `/api/admin/broadcasts/${requireId(rest[0], 'broadcast id')}`,
        show: 'broadcast',
      };
    case 'prerelease':
    case 'publish':
    case 'stop':
    case 'recall':
      return {
        method: 'POST',
        path: `/api/admin/broadcasts/${requireId(rest[0], 'broadcast id')}/${verb}`,
        show: 'broadcast',
      };
    case 'whitelist': {
      const [change, id, ...userIds] = rest;
      if (change !== 'add' && change !== 'remove')
        throw new AdminUsageError('broadcast whitelist needs add or remove');
      const broadcastId = requireId(id, 'broadcast id');
      if (userIds.length === 0) throw new AdminUsageError(`broadcast whitelist ${change} needs user ids`);
      return {
        method: 'POST',
        path: `/api/admin/broadcasts/${broadcastId}/whitelist`,
        body: { [change]: userIds.map((userId) => requireId(userId, 'user id')) },
        show: 'broadcast',
      };
    }
    default:
      throw new AdminUsageError(
        verb === undefined ? 'broadcast needs a subcommand' : `unknown: broadcast ${verb}`,
      );
  }
}

function request(positionals: readonly string[], values: Values, now: number): AdminRequest {
  const [command, ...rest] = positionals;
  switch (command) {
    case 'broadcast':
      return broadcastRequest(rest, values, now);
    case 'user': {
      const [verb, userId] = rest;
      if (verb !== 'disable' && verb !== 'enable') throw new AdminUsageError('user needs disable or enable');
      return {
        method: 'PATCH',
        path: `/api/admin/users/${requireId(userId, 'user id')}`,
        body: { disabled: verb === 'disable' },
        show: 'json',
      };
    }
    case 'kick':
      return {
        method: 'POST',
        path: '/api/admin/kick',
        body: {
          userId: requireId(rest[0], 'user id'),
          ...(typeof values.device === 'string' ? { deviceId: values.device } : {}),
        },
        show: 'json',
      };
    case 'stats':
      return { method: 'GET', path: '/api/admin/stats', show: 'stats' };
    default:
      throw new AdminUsageError(command === undefined ? 'missing command' : `unknown command: ${command}`);
  }
}

/** Parses the command line; the environment supplies the server and token when flags do not. */
export function parseAdminArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  now: number,
): AdminInvocation {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AdminUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals.length === 0) return { kind: 'help' };
  const built = request(positionals, values, now);
  const server = typeof values.server === 'string' ? values.server : env.TIDINGS_SERVER;
  if (!server) throw new AdminUsageError('missing --server (or TIDINGS_SERVER)');
  if (!/^https?:\/\/[^\s/]+/.test(server))
    throw new AdminUsageError(`--server must be an http(s) URL: ${server}`);
  const token = typeof values.token === 'string' ? values.token : env.TIDINGS_ADMIN_TOKEN;
  if (!token) throw new AdminUsageError('missing --token (or TIDINGS_ADMIN_TOKEN)');
  return {
    kind: 'request',
    server: server.replace(/\/+$/, ''),
    token,
    json: values.json === true,
    request: built,
  };
}
