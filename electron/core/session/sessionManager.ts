import { IpcFailure, type Account, type ConnectionState, type SenseMode } from '../../../shared/ipc';
import type { EngineDeps } from '../deps/engineDeps';
import { errorText } from '../deps/logger';
import type { EventHub } from '../events/eventHub';
import type { ApiClient } from '../http/apiClient';
import {
  clearAccountRecord,
  clearCredentials,
  loadAccountRecord,
  loadCredentials,
  saveAccountRecord,
  saveCredentials,
  storageId,
  type AccountRecord,
  type Credentials,
} from '../persist/accountRecord';
import { loadDeviceId } from '../persist/deviceId';
import { createSerialQueue } from '../persist/jsonFile';
import { accountDatabasePath } from '../store/database';
import { openSession, type Session } from './session';

export type SignIn = Readonly<{
  account: Account;
  credentials: Credentials;
  /** The server's HTTP API (Tidings accounts). */
  api: ApiClient | null;
  senseMode: SenseMode | null;
}>;

export type SessionManager = Readonly<{
  current(): Session | null;
  /** The signed-in session (after the start-up restore), or an IpcFailure('not-logged-in'). */
  require(): Promise<Session>;
  /** The signed-in account after the start-up restore, or null. */
  account(): Promise<Account | null>;
  /** The user renamed themselves: the account (and account.json) take the new display name. */
  renameAccount(displayName: string): Promise<void>;
  connectionState(): ConnectionState;
  /** Signs the stored account in again (once, when the host starts). */
  restore(): Promise<void>;
  /** A sign-in the user started: replaces any session, remembers the account and its tokens. */
  signIn(input: SignIn): Promise<Session>;
  /** Signs out: closes the session and forgets the account and its tokens (the history stays). */
  signOut(): Promise<void>;
  /** Closes the current session; no sign-in works afterwards. */
  close(): Promise<void>;
}>;

const signedOut: ConnectionState = { status: 'signed-out' };

/**
 * Holds the one signed-in account. Sign-ins, restores, sign-outs and the final close run one
 * after another, so two quick logins can never leave two connections (or two open databases).
 */
export function createSessionManager(
  deps: EngineDeps,
  events: EventHub,
  apiFor: (serverUrl: string) => ApiClient,
): SessionManager {
  let session: Session | null = null;
  let closed = false;
  let restored: Promise<void> | null = null;
  const serial = createSerialQueue();

  /** Per open session: writes a new display name through the session's record queue. */
  const renames = new WeakMap<Session, (displayName: string) => Promise<void>>();
  /** A display name the user chose after the session opened (the session keeps its first copy). */
  let renamed: { session: Session; displayName: string } | null = null;

  const dropCurrent = async (): Promise<void> => {
    const previous = session;
    session = null;
    await previous?.close();
  };

  /**
   * Opens the account's store and session. The account record is written through one queue
   * with its latest content, so the first-login time the server answers can never be
   * overwritten by an older copy.
   */
  const open = async (
    record: AccountRecord,
    credentials: Credentials | null,
    api: ApiClient | null,
  ): Promise<{ session: Session; saveRecord(): Promise<void> }> => {
    const { account } = record;
    const store = await deps.openStore({
      file: accountDatabasePath(deps.dataDir, storageId(account)),
      identity: { userId: account.userId, mode: account.mode },
    });
    let latest = record;
    const writes = createSerialQueue();
    const saveRecord = (): Promise<void> => writes(() => saveAccountRecord(deps.dataDir, latest));
    try {
      const deviceId = await loadDeviceId(deps.dataDir, deps.generateId);
      const opened = openSession({
        account,
        store,
        deviceId,
        credentials,
        api,
        senseMode: record.senseMode ?? null,
        firstLoginTime: record.firstLoginTime,
        deps,
        events,
        persistence: {
          saveFirstLoginTime: async (firstLoginTime) => {
            latest = { ...latest, firstLoginTime };
            // A session that was signed out (or replaced) must not write its account back.
            if (session === opened) await saveRecord();
          },
          saveCredentials: (next) => saveCredentials(deps.secretStore, account, next),
        },
      });
      renames.set(opened, async (displayName) => {
        latest = { ...latest, account: { ...latest.account, displayName } };
        if (session === opened) await saveRecord();
      });
      return { session: opened, saveRecord };
    } catch (error) {
      await store.close();
      throw error;
    }
  };

  const restore = (): Promise<void> =>
    (restored ??= serial(async () => {
      if (closed || session) return;
      const record = await loadAccountRecord(deps.dataDir);
      if (!record) return;
      const credentials = await loadCredentials(deps.secretStore, record.account);
      const api = record.account.mode === 'tidings' ? apiFor(record.account.serverUrl) : null;
      session = (await open(record, credentials, api)).session;
      deps.logger.info('session.restored', { userId: record.account.userId, mode: record.account.mode });
      events.emit({ name: 'connection:changed', payload: session.connectionState() });
    }).catch((error: unknown) => {
      deps.logger.error('session.restore-failed', { error: errorText(error) });
    }));

  return Object.freeze({
    current: () => session,
    async require() {
      await (restored ?? Promise.resolve());
      if (closed) throw new IpcFailure('internal', 'The engine is closed.');
      if (!session) throw new IpcFailure('not-logged-in');
      return session;
    },
    async account() {
      await (restored ?? Promise.resolve());
      if (session === null) return null;
      return renamed?.session === session
        ? { ...session.account, displayName: renamed.displayName }
        : session.account;
    },
    async renameAccount(displayName: string) {
      const current = session;
      if (current === null) return;
      renamed = { session: current, displayName };
      await renames.get(current)?.(displayName);
    },
    connectionState: () => session?.connectionState() ?? signedOut,
    restore,
    signIn: (input: SignIn) =>
      serial(async () => {
        if (closed) throw new IpcFailure('internal', 'The engine is closed.');
        await dropCurrent();
        const record: AccountRecord = {
          version: 1,
          account: input.account,
          ...(input.senseMode === null ? {} : { senseMode: input.senseMode }),
          // A sign-in the user started: the server treats it as fresh and ends older sessions.
          firstLoginTime: 0,
        };
        // Remembered only once the account's store opened: a sign-in that failed leaves nothing behind.
        const opened = await open(record, input.credentials, input.api);
        session = opened.session;
        events.emit({ name: 'connection:changed', payload: session.connectionState() });
        try {
          await saveCredentials(deps.secretStore, input.account, input.credentials);
          await opened.saveRecord();
        } catch (error) {
          await dropCurrent();
          throw error;
        }
        deps.logger.info('session.signed-in', { userId: input.account.userId, mode: input.account.mode });
        return opened.session;
      }),
    signOut: () =>
      serial(async () => {
        const current = session;
        await dropCurrent();
        if (current) {
          await clearCredentials(deps.secretStore, current.account);
          deps.logger.info('session.signed-out', { userId: current.account.userId });
        }
        await clearAccountRecord(deps.dataDir);
        events.emit({ name: 'connection:changed', payload: signedOut });
      }),
    close: () =>
      serial(async () => {
        closed = true;
        await dropCurrent();
      }),
  });
}
