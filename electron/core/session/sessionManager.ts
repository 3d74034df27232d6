import { IpcFailure, type Account } from '../../../shared/ipc';
import type { EngineDeps } from '../deps/engineDeps';
import type { EventHub } from '../events/eventHub';
import type { ApiClient } from '../http/apiClient';
import { openSession, type Session } from './session';

export type SignIn = Readonly<{ account: Account; token: string; api: ApiClient }>;

export type SessionManager = Readonly<{
  current(): Session | null;
  /** The signed-in session, or an IpcFailure('not-logged-in'). */
  require(): Session;
  /** Replaces the current session (if any) with one for this account. */
  signIn(input: SignIn): Promise<Session>;
  signOut(session: Session): Promise<void>;
  /** Closes the current session; no sign-in works afterwards. */
  close(): Promise<void>;
}>;

/**
 * Holds the one signed-in account. Sign-ins and the final close run one after another, so two
 * quick logins can never leave two connections (or two open databases) behind.
 */
export function createSessionManager(deps: EngineDeps, events: EventHub): SessionManager {
  let session: Session | null = null;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const dropCurrent = async (): Promise<void> => {
    const previous = session;
    session = null;
    await previous?.close();
  };

  return Object.freeze({
    current: () => session,
    require() {
      if (closed) throw new IpcFailure('internal', 'The engine is closed.');
      if (!session) throw new IpcFailure('not-logged-in');
      return session;
    },
    signIn: (input: SignIn) =>
      serial(async () => {
        if (closed) throw new IpcFailure('internal', 'The engine is closed.');
        await dropCurrent();
        session = await openSession({ ...input, deps, events });
        return session;
      }),
    signOut: (target: Session) =>
      serial(async () => {
        if (session === target) session = null;
        await target.close();
      }),
    close: () =>
      serial(async () => {
        closed = true;
        await dropCurrent();
      }),
  });
}
