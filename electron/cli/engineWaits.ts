import type { Conversation, ConnectionState, TidingsApi } from '../../shared/ipc';
import { CliError } from './cliError';
import { unwrap } from './output';

const connected = (state: ConnectionState): boolean => state.status === 'online' || state.status === 'basic';
const hopeless = (state: ConnectionState): boolean =>
  state.status === 'signed-out' || state.status === 'kicked' || state.status === 'auth-failed';

/**
 * Waits until the engine is connected (online, or basic mode), it cannot connect by itself
 * (signed out, kicked, the token refused), or the time is up. Answers the state it ended in.
 */
export async function waitForConnection(api: TidingsApi, timeoutMs: number): Promise<ConnectionState> {
  let latest = unwrap(await api.connection.get({}));
  if (connected(latest) || hopeless(latest)) return latest;
  return new Promise<ConnectionState>((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      off();
      resolve(latest);
    };
    const timer = setTimeout(finish, timeoutMs);
    const off = api.connection.onChanged((state) => {
      latest = state;
      if (connected(state) || hopeless(state)) finish();
    });
    // The state may have changed between the first read and the subscription.
    void api.connection.get({}).then((result) => {
      if (result.ok && (connected(result.value) || hopeless(result.value))) {
        latest = result.value;
        finish();
      }
    });
  });
}

/** The signed-in account's conversation with a user, by username or user id; opened when new. */
export async function conversationWith(api: TidingsApi, who: string): Promise<Conversation> {
  const known = unwrap(await api.conversations.list({})).find(
    (c) => c.peer !== null && (c.peer.username === who || c.peer.userId === who),
  );
  if (known) return known;
  const opened = await api.conversations.open({ username: who });
  if (!opened.ok && opened.error.code === 'not-logged-in')
    throw new CliError('Not signed in: run tidings login first.');
  return unwrap(opened);
}

/** Fails with a clear sentence when nobody is signed in on this data dir. */
export async function requireAccount(api: TidingsApi): Promise<void> {
  if (unwrap(await api.auth.current({})) === null)
    throw new CliError('Not signed in: run tidings login first.');
}
