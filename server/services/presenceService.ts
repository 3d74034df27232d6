import type { CommandValue, PresenceState } from '../../shared/protocol';
import type { Cancel, Scheduler } from '../ports';
import type { InboxRepository } from '../storage/inboxRepository';
import type { PresenceRepository } from '../storage/presenceRepository';
import type { CommandContext, ParsedArgs } from './commandService';
import type { Presence } from './presence';
import type { WriteQueue } from './writeQueue';

/**
 * Online/offline and last-seen, for friends and fellow group members. A change is pushed (in a
 * notify's `presence`) to their online devices `coalesceMs` after it happened and only if it
 * still holds, so a user whose devices reconnect in a storm pushes nothing. Pushes go to
 * friends and members of groups small enough for pointers; larger groups ask with `presence.get`.
 */
export type PresenceService = Readonly<{
  'presence.get': (context: CommandContext, args: ParsedArgs<'presence.get'>) => CommandValue<'presence.get'>;
  'presence.setPrivacy': (
    context: CommandContext,
    args: ParsedArgs<'presence.setPrivacy'>,
  ) => Promise<CommandValue<'presence.setPrivacy'>>;
  /** A device of the user logged in or went away. */
  changed(userId: string): void;
  close(): void;
}>;

export function createPresenceService(
  deps: Readonly<{
    repository: PresenceRepository;
    presence: Presence;
    inbox: Pick<InboxRepository, 'head'>;
    queue: WriteQueue;
    scheduler: Scheduler;
    coalesceMs: number;
    pushMaxGroupMembers: number;
  }>,
): PresenceService {
  const { repository, presence, inbox, queue, scheduler } = deps;
  const pending = new Map<string, Cancel>();
  let closed = false;
  /** What watchers were last told (absent: offline, the state before any login). */
  const pushedOnline = new Set<string>();

  const stateOf = (userId: string): PresenceState => {
    const online = presence.devicesOf(userId).length > 0;
    const lastSeen = online || repository.hidesLastSeen(userId) ? null : repository.lastSeen(userId);
    return { userId, online, ...(lastSeen === null ? {} : { lastSeen }) };
  };

  const push = (userId: string): void => {
    pending.delete(userId);
    const state = stateOf(userId);
    if (state.online === pushedOnline.has(userId)) return;
    if (state.online) pushedOnline.add(userId);
    else pushedOnline.delete(userId);
    for (const watcher of repository.watchers(userId, deps.pushMaxGroupMembers)) {
      const devices = presence.devicesOf(watcher).filter((device) => device.kind === 'tidings');
      if (devices.length === 0) continue;
      const notify = { cursors: { inbox: inbox.head(watcher).last }, presence: [state] };
      for (const device of devices) device.notify(notify);
    }
  };

  return {
    'presence.get': ({ userId }, { userIds }) => ({
      users: [...new Set(userIds)]
        .filter((id) => id === userId || repository.related(userId, id))
        .map(stateOf),
    }),
    'presence.setPrivacy': async ({ userId }, { hideLastSeen }) => {
      await queue.run(() => repository.setHideLastSeen(userId, hideLastSeen));
      return {};
    },
    changed(userId) {
      // Sockets closing at shutdown must not schedule reads of a database about to close.
      if (closed || pending.has(userId)) return;
      pending.set(
        userId,
        scheduler.after(deps.coalesceMs, () => push(userId)),
      );
    },
    close() {
      closed = true;
      for (const cancel of pending.values()) cancel();
      pending.clear();
    },
  };
}
