import type { Contact, FriendRequest, TidingsApi } from '../../../shared/ipc';
import { CliError, ExitCode } from '../cliError';
import { requireAccount, waitForConnection } from '../engineWaits';
import { describeConnection, formatTime, printJson, printLine, unwrap } from '../output';

export const FRIEND_USAGE = `friend add <username> [--message <text>] | accept <username> | reject <username>
         | delete <username> | list [--json]`;

export type FriendCliRequest =
  | Readonly<{ action: 'add'; username: string; message: string }>
  | Readonly<{ action: 'accept' | 'reject' | 'delete'; username: string }>
  | Readonly<{ action: 'list' }>;

/** A mistake in a `friend` command line; the caller turns it into its usage error. */
export class FriendUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FriendUsageError';
  }
}

/** Parses what follows `tidings friend`; `message` is the `--message` option. */
export function parseFriendArgs(args: readonly string[], message: string | undefined): FriendCliRequest {
  const [action, ...rest] = args;
  const one = (): string => {
    const [username, extra] = rest;
    if (extra !== undefined) throw new FriendUsageError(`unexpected argument "${extra}"`);
    if (username === undefined || username.trim() === '')
      throw new FriendUsageError('<username> is required');
    return username;
  };
  if (message !== undefined && action !== 'add') throw new FriendUsageError('--message goes with friend add');
  switch (action) {
    case 'add':
      return { action, username: one(), message: message ?? '' };
    case 'accept':
    case 'reject':
    case 'delete':
      return { action, username: one() };
    case 'list':
      if (rest.length > 0) throw new FriendUsageError(`unexpected argument "${rest[0] ?? ''}"`);
      return { action };
    case undefined:
      throw new FriendUsageError('friend needs an action: add, accept, reject, delete or list');
    default:
      throw new FriendUsageError(`unknown friend action "${action}"`);
  }
}

type Options = Readonly<{ json: boolean; timeoutMs: number }>;

/** Connects (commands go to the server) and, when online, pulls what changed meanwhile. */
async function connect(api: TidingsApi, timeoutMs: number, needOnline: boolean): Promise<void> {
  const state = await waitForConnection(api, timeoutMs);
  if (state.status === 'online') {
    unwrap(await api.sync.now({}));
    return;
  }
  if (needOnline)
    throw new CliError(
      `Cannot reach the server: ${describeConnection(state)}.`,
      state.status === 'reconnecting' || state.status === 'connecting' || state.status === 'offline'
        ? ExitCode.timeout
        : ExitCode.failed,
    );
}

/** The user a username names among contacts and pending requests (ids work too). */
async function known(api: TidingsApi, username: string): Promise<string> {
  const contacts = unwrap(await api.contacts.list({}));
  const requests = unwrap(await api.friends.requests({}));
  const found = [...contacts, ...requests].find((u) => u.username === username || u.userId === username);
  if (!found) throw new CliError(`${username} is neither a contact nor in a pending request.`);
  return found.userId;
}

const contactLine = (c: Contact): string => {
  const name = c.remark === '' ? c.displayName : `${c.remark} (${c.displayName})`;
  const state = c.blocked ? 'blocked' : c.presence?.online ? 'online' : 'offline';
  return `${c.username}\t${name}\t${state}`;
};

const requestLine = (r: FriendRequest): string => {
  const arrow = r.direction === 'incoming' ? 'from' : 'to';
  const words = r.message === '' ? '' : `\t"${r.message}"`;
  return `request ${arrow} ${r.username}\t${r.displayName}\t${formatTime(r.at)}${words}`;
};

/** `tidings friend …`: friend requests, the friend list and deleting a friend. */
export async function runFriend(
  api: TidingsApi,
  request: FriendCliRequest,
  options: Options,
): Promise<number> {
  await requireAccount(api);
  const timeoutMs = Math.min(options.timeoutMs, 30_000);
  if (request.action === 'list') {
    await connect(api, Math.min(timeoutMs, 10_000), false);
    const contacts = unwrap(await api.contacts.list({}));
    const requests = unwrap(await api.friends.requests({}));
    if (options.json) {
      printJson({ contacts, requests });
      return ExitCode.ok;
    }
    for (const contact of contacts) printLine(contactLine(contact));
    for (const pending of requests) printLine(requestLine(pending));
    if (contacts.length === 0 && requests.length === 0) printLine('No friends or requests yet.');
    return ExitCode.ok;
  }
  await connect(api, timeoutMs, true);
  switch (request.action) {
    case 'add': {
      const outcome = unwrap(
        await api.friends.request({ username: request.username, message: request.message }),
      );
      printLine(
        outcome.relation === 'friend'
          ? `You and ${request.username} are friends now.`
          : `Asked ${request.username} to be friends.`,
      );
      return ExitCode.ok;
    }
    case 'accept': {
      const contact = unwrap(await api.friends.accept({ userId: await known(api, request.username) }));
      printLine(`You and ${contact.username} are friends now.`);
      return ExitCode.ok;
    }
    case 'reject':
      unwrap(await api.friends.reject({ userId: await known(api, request.username) }));
      printLine(`Rejected ${request.username}'s request.`);
      return ExitCode.ok;
    case 'delete':
      unwrap(await api.contacts.delete({ userId: await known(api, request.username) }));
      printLine(`${request.username} is no longer your friend.`);
      return ExitCode.ok;
  }
}
