import type { Result, TidingsApi } from '../../../../shared/ipc';
import type { SearchFilters, SearchHit } from '../../../../shared/ipc/channels/search';
import { parseDateArg } from './dateArgs';

/** `tidings search <query> [--json] [--in …] [--from …] [--since …] [--until …] [--kind …] [--limit n]`, parsed. */
export type SearchCliRequest = Readonly<{
  query: string;
  json: boolean;
  limit: number;
  /** A peer's username or a group's name. */
  in?: string;
  /** A username: yourself or a peer. */
  from?: string;
  since?: string;
  until?: string;
  kind?: string;
}>;

export type SearchIo = Readonly<{
  out(line: string): void;
  err(line: string): void;
  /** Paint highlights with ANSI bold (a terminal), or mark them with [brackets]. */
  color?: boolean;
}>;

export const SEARCH_USAGE =
  'search <query> [--json] [--in <username|group>] [--from <username>] [--since <date>] [--until <date>] [--kind <kind>] [--limit <n>]';

/** The command's own options, for the CLI's argument parser (`--json` and `--limit` are shared). */
export const searchOptions = {
  in: { type: 'string' },
  from: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  kind: { type: 'string' },
} as const;

type ParsedValues = Readonly<{
  json?: boolean;
  limit?: string;
  in?: string;
  from?: string;
  since?: string;
  until?: string;
  kind?: string;
}>;

/** The request from the CLI's parsed arguments; runSearch checks it (so this never throws). */
export function searchRequest(positionals: readonly string[], values: ParsedValues): SearchCliRequest {
  return {
    query: positionals.join(' '),
    json: values.json === true,
    limit: values.limit === undefined ? 20 : Number(values.limit),
    ...(values.in === undefined ? {} : { in: values.in }),
    ...(values.from === undefined ? {} : { from: values.from }),
    ...(values.since === undefined ? {} : { since: values.since }),
    ...(values.until === undefined ? {} : { until: values.until }),
    ...(values.kind === undefined ? {} : { kind: values.kind }),
  };
}

/** Exit codes as the CLI uses them. */
const OK = 0;
const FAILED = 1;
const USAGE = 2;

const stdio: SearchIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  color: process.stdout.isTTY === true,
};

class UsageError extends Error {}

/**
 * `tidings search`: one page of message search through the engine (`search:messages`), newest
 * first, as lines or one JSON object. `--in` takes a peer's username or a group's name,
 * `--from` a username, dates are `YYYY-MM-DD` (local days, both ends inclusive) or ISO times.
 * Returns the exit code: 0 with or without hits, 1 when the engine refused, 2 for bad arguments.
 */
export async function runSearch(
  api: TidingsApi,
  request: SearchCliRequest,
  io: SearchIo = stdio,
): Promise<number> {
  try {
    const query = request.query.trim();
    if (query === '') throw new UsageError('a query is required');
    if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > 100) {
      throw new UsageError('--limit must be a whole number from 1 to 100');
    }
    const filters: SearchFilters = {};
    if (request.in !== undefined) filters.conversationId = await conversationNamed(api, request.in);
    if (request.from !== undefined) filters.senderId = await userNamed(api, request.from);
    if (request.kind !== undefined) filters.kind = request.kind;
    if (request.since !== undefined) filters.since = dateArg('--since', request.since, 'start');
    if (request.until !== undefined) filters.until = dateArg('--until', request.until, 'end');
    const page = value(await api.search.messages({ query, filters, limit: request.limit }));
    if (request.json) io.out(JSON.stringify(page));
    else for (const hit of page.hits) io.out(formatHit(hit, io.color === true));
    return OK;
  } catch (error) {
    io.err(`tidings search: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) {
      io.err(`usage: tidings ${SEARCH_USAGE}`);
      return USAGE;
    }
    return FAILED;
  }
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A direct conversation by the peer's username, or a conversation (group) by its title. */
async function conversationNamed(api: TidingsApi, name: string): Promise<string> {
  const list = value(await api.conversations.list({}));
  const wanted = name.replace(/^@/u, '').toLowerCase();
  const found =
    list.find((c) => c.peer?.username.toLowerCase() === wanted) ??
    list.find((c) => c.title.toLowerCase() === wanted);
  if (found === undefined) throw new UsageError(`--in: no conversation with ${name}`);
  return found.id;
}

/** A user id by username: yourself, or a peer of one of your conversations. */
async function userNamed(api: TidingsApi, username: string): Promise<string> {
  const wanted = username.replace(/^@/u, '').toLowerCase();
  const me = value(await api.auth.current({}));
  if (me !== null && me.username.toLowerCase() === wanted) return me.userId;
  const peer = value(await api.conversations.list({})).find(
    (c) => c.peer?.username.toLowerCase() === wanted,
  )?.peer;
  if (!peer) throw new UsageError(`--from: no known user ${username}`);
  return peer.userId;
}

function dateArg(flag: string, text: string, edge: 'start' | 'end'): number {
  const ms = parseDateArg(text, edge);
  if (ms === null) throw new UsageError(`${flag}: not a date (YYYY-MM-DD or an ISO time): ${text}`);
  return ms;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2024-06-07 14:03  Title  sender: text` with the matches painted. */
export function formatHit(hit: SearchHit, color: boolean): string {
  const [open, close] = color ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  let text = '';
  let at = 0;
  for (const r of hit.ranges) {
    text += hit.text.slice(at, r.start) + open + hit.text.slice(r.start, r.end) + close;
    at = r.end;
  }
  text += hit.text.slice(at);
  const d = new Date(hit.message.sentAt);
  const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return `${stamp}  ${hit.conversation.title}  ${hit.message.senderId}: ${text.replace(/\s+/gu, ' ')}`;
}
