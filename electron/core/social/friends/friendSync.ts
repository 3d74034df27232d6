import type { SyncProgress } from '../../../../shared/ipc';
import { CommandError, type Notify, type UserProfile } from '../../../../shared/protocol';
import { errorText, type Logger } from '../../deps/logger';
import type { Clock } from '../../deps/clock';
import type { EventHub } from '../../events/eventHub';
import type { ApiClient } from '../../http/apiClient';
import { CommandFailure, LinkDownError, type CommandClient } from '../../net/commandClient';
import type { TaskTracker } from '../../session/taskTracker';
import type { Store, SyncOutcome } from '../../store/store';
import type { FriendChanges } from './contactOps';

export type FriendSyncDeps = Readonly<{
  store: Pick<
    Store,
    | 'inboxCursor'
    | 'reconcileFriends'
    | 'setContactProfile'
    | 'contactsMissingProfiles'
    | 'friendIds'
    | 'applyPresence'
  >;
  commands: Pick<CommandClient, 'call'>;
  /** Tidings accounts only; null in basic mode (no profiles, no social commands). */
  api: Pick<ApiClient, 'userById'> | null;
  authed(call: (token: string) => Promise<UserProfile>): Promise<UserProfile>;
  events: EventHub;
  clock: Clock;
  tasks: TaskTracker;
  logger: Logger;
}>;

export type FriendSync = Readonly<{
  /** The server said hello: after the sync run it starts, the lists are checked against `friend.list`. */
  online(): void;
  onApplied(outcome: SyncOutcome): void;
  onNotify(notify: Notify): void;
  onProgress(progress: SyncProgress): void;
  /** Emits what changed and fetches the profiles still missing (also for changes made by handlers). */
  publish(changes: FriendChanges | null): void;
  /** Resolves when the check against `friend.list` in progress (if any) has finished. */
  settled(): Promise<void>;
}>;

/** How often a reconcile may find sync moving underneath it before it waits for the next idle. */
const RECONCILE_ATTEMPTS = 5;
/** The server's `presence.get` limit. */
const PRESENCE_BATCH = 500;

/**
 * The host side of friends: events for the UI after each sync batch, presence from notifies,
 * the profiles of users known only by id, and a check against the server's `friend.list` after
 * every hello and every full resync (a new device, or one whose cursor was reset, skips the
 * friend events before its snapshot; the list brings them back).
 */
export function createFriendSync(deps: FriendSyncDeps): FriendSync {
  const { store, events, logger } = deps;
  let reconcileDue = false;
  let reconciling: Promise<void> | null = null;
  const fetching = new Map<string, Promise<void>>();

  const emitChanges = (changes: FriendChanges): void => {
    if (changes.contacts.length > 0)
      events.emit({ name: 'contacts:changed', payload: { contacts: changes.contacts } });
    if (changes.removed.length > 0)
      events.emit({ name: 'contacts:removed', payload: { userIds: changes.removed } });
    if (changes.requests !== null)
      events.emit({ name: 'friends:requestsChanged', payload: { requests: changes.requests } });
  };

  /** Fetches a profile once at a time; a failure is logged and retried by the next change or check. */
  const fillProfile = (userId: string): Promise<void> => {
    const api = deps.api;
    if (api === null) return Promise.resolve();
    const inFlight = fetching.get(userId);
    if (inFlight) return inFlight;
    const fetch = (async () => {
      try {
        const profile = await deps.authed((token) => api.userById(token, userId));
        if (profile.userId === userId) publish(await store.setContactProfile(profile, deps.clock.now()));
      } catch (error) {
        logger.warn('friends.profile-failed', { error: errorText(error) });
      } finally {
        fetching.delete(userId);
      }
    })();
    fetching.set(userId, fetch);
    deps.tasks.run('friends.profile', () => fetch);
    return fetch;
  };

  const publish = (changes: FriendChanges | null): void => {
    if (changes === null) return;
    emitChanges(changes);
    for (const userId of changes.missingProfiles) void fillProfile(userId);
  };

  const applyPresence = async (states: Parameters<FriendSyncDeps['store']['applyPresence']>[0]) => {
    if (states.length === 0) return;
    const outcome = await store.applyPresence(states, deps.clock.now());
    if (outcome.presence.length > 0)
      events.emit({ name: 'presence:changed', payload: { users: outcome.presence } });
    if (outcome.contacts.length > 0)
      events.emit({ name: 'contacts:changed', payload: { contacts: outcome.contacts } });
  };

  const reconcile = async (): Promise<void> => {
    for (let attempt = 0; attempt < RECONCILE_ATTEMPTS; attempt += 1) {
      const cursor = await store.inboxCursor();
      const snapshot = await deps.commands.call('friend.list', {});
      const outcome = await store.reconcileFriends(snapshot, cursor, deps.clock.now());
      if (outcome.stale) continue;
      publish(outcome.changes);
      // Awaited, so that a list read after the check shows names (the CLI finds users by them).
      await Promise.all((await store.contactsMissingProfiles()).map(fillProfile));
      const ids = await store.friendIds();
      for (let i = 0; i < ids.length; i += PRESENCE_BATCH) {
        const reply = await deps.commands.call('presence.get', { userIds: ids.slice(i, i + PRESENCE_BATCH) });
        await applyPresence(reply.users);
      }
      return;
    }
    // Sync kept moving: try again when it is idle next time.
    reconcileDue = true;
  };

  const startReconcile = (): void => {
    if (reconciling !== null || deps.api === null) return;
    reconcileDue = false;
    const running = (async () => {
      try {
        await reconcile();
      } catch (error) {
        // A server without friends (an older one) is not asked again until the next hello.
        const unsupported = error instanceof CommandFailure && error.code === CommandError.unknownCommand;
        reconcileDue = !unsupported;
        if (!(error instanceof LinkDownError))
          logger.warn('friends.reconcile-failed', { error: errorText(error) });
      } finally {
        reconciling = null;
      }
    })();
    reconciling = running;
    deps.tasks.run('friends.reconcile', () => running);
  };

  return Object.freeze({
    online() {
      reconcileDue = true;
    },
    onApplied(outcome: SyncOutcome) {
      publish(outcome.friends);
    },
    onNotify(notify: Notify) {
      const states = notify.presence ?? [];
      if (states.length > 0) deps.tasks.run('friends.presence', () => applyPresence(states));
    },
    onProgress(progress: SyncProgress) {
      if (progress.phase === 'resync') reconcileDue = true;
      else if (progress.phase === 'idle' && reconcileDue) startReconcile();
    },
    publish,
    settled: () => reconciling ?? Promise.resolve(),
  });
}
