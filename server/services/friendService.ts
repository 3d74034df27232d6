import type { CommandValue, FriendActionName } from '../../shared/protocol';
import type { Clock } from '../ports';
import type { FriendRepository } from '../storage/friendRepository';
import type { InboxEntry, InboxRepository } from '../storage/inboxRepository';
import type { UserRepository } from '../storage/userRepository';
import { CommandFailure } from './commandFailure';
import type { CommandContext, ParsedArgs } from './commandService';
import type { DeliveryService } from './deliveryService';
import type { WriteQueue } from './writeQueue';

type Handler<N extends FriendCommand> = (
  context: CommandContext,
  args: ParsedArgs<N>,
) => Promise<CommandValue<N>> | CommandValue<N>;

type FriendCommand =
  | 'friend.request'
  | 'friend.accept'
  | 'friend.reject'
  | 'friend.delete'
  | 'friend.block'
  | 'friend.unblock'
  | 'friend.list';

/**
 * Friend requests, friendships and blocks. Every change writes a `friend` event to the inbox
 * of each user whose lists changed, so all their devices (online or not) converge. Each command
 * is idempotent: repeating it changes nothing and writes no event.
 */
export type FriendService = Readonly<{ [N in FriendCommand]: Handler<N> }>;

type Event = Readonly<{ to: string; action: FriendActionName; peerId: string; message?: string }>;

export function createFriendService(
  deps: Readonly<{
    friends: FriendRepository;
    users: Pick<UserRepository, 'exists'>;
    inbox: Pick<InboxRepository, 'append'>;
    queue: WriteQueue;
    delivery: Pick<DeliveryService, 'publish'>;
    clock: Clock;
  }>,
): FriendService {
  const { friends, users, inbox, queue, delivery, clock } = deps;

  const checkPeer = (userId: string, peerId: string): void => {
    if (peerId === userId) throw new CommandFailure('invalid-request', 'That is you.');
    if (!users.exists(peerId)) throw new CommandFailure('user-not-found');
  };

  /** Runs `change` in the write queue; its events are appended there and published after the commit. */
  const write = async <T>(change: (now: number) => { value: T; events: readonly Event[] }): Promise<T> => {
    const { value, fanout } = await queue.run(() => {
      const now = clock.now();
      const result = change(now);
      const entries = result.events.map(({ to, ...event }): [string, InboxEntry] => [
        to,
        { event: inbox.append(to, { type: 'friend', ...event }, now), message: null },
      ]);
      return { value: result.value, fanout: entries };
    });
    for (const [user, entry] of fanout) delivery.publish(user, [entry]);
    return value;
  };

  return {
    'friend.request': ({ userId }, { userId: peerId, message }) =>
      write((now) => {
        checkPeer(userId, peerId);
        if (friends.isBlocked(peerId, userId))
          throw new CommandFailure('blocked', 'This user does not accept requests from you.');
        if (friends.isBlocked(userId, peerId))
          throw new CommandFailure('blocked', 'You have blocked this user; unblock them first.');
        const state = friends.state(userId, peerId);
        if (state === 'friend' || state === 'outgoing') return { value: { relation: state }, events: [] };
        if (state === 'incoming') {
          // Both asked: that is agreement.
          friends.setFriends(userId, peerId, now);
          return { value: { relation: 'friend' as const }, events: added(userId, peerId) };
        }
        friends.setPending(userId, peerId, message, now);
        return {
          value: { relation: 'outgoing' as const },
          events: [
            { to: userId, action: 'request-sent', peerId, message },
            { to: peerId, action: 'request-received', peerId: userId, message },
          ],
        };
      }),

    'friend.accept': ({ userId }, { userId: peerId }) =>
      write((now) => {
        checkPeer(userId, peerId);
        const state = friends.state(userId, peerId);
        if (state === 'friend') return { value: { relation: 'friend' as const }, events: [] };
        if (state !== 'incoming') throw new CommandFailure('not-found', 'No request from this user.');
        friends.setFriends(userId, peerId, now);
        return { value: { relation: 'friend' as const }, events: added(userId, peerId) };
      }),

    'friend.reject': ({ userId }, { userId: peerId }) =>
      write(() => {
        checkPeer(userId, peerId);
        if (friends.state(userId, peerId) !== 'incoming') return { value: {}, events: [] };
        friends.remove(userId, peerId);
        return { value: {}, events: both(userId, peerId, 'rejected') };
      }),

    'friend.delete': ({ userId }, { userId: peerId }) =>
      write(() => {
        checkPeer(userId, peerId);
        if (!friends.remove(userId, peerId)) return { value: {}, events: [] };
        return { value: {}, events: both(userId, peerId, 'deleted') };
      }),

    'friend.block': ({ userId }, { userId: peerId }) =>
      write((now) => {
        checkPeer(userId, peerId);
        const events: Event[] = [];
        // The blocked user only sees the friendship (or request) end, not the block.
        if (friends.remove(userId, peerId)) events.push(...both(userId, peerId, 'deleted'));
        if (friends.block(userId, peerId, now)) events.push({ to: userId, action: 'blocked', peerId });
        return { value: {}, events };
      }),

    'friend.unblock': ({ userId }, { userId: peerId }) =>
      write(() => {
        checkPeer(userId, peerId);
        if (!friends.unblock(userId, peerId)) return { value: {}, events: [] };
        return { value: {}, events: [{ to: userId, action: 'unblocked', peerId }] };
      }),

    'friend.list': ({ userId }) => {
      const value: CommandValue<'friend.list'> = { friends: [], incoming: [], outgoing: [], blocked: [] };
      for (const row of friends.list(userId)) {
        if (row.state === 'friend') value.friends.push({ userId: row.peerId, since: row.updatedAt });
        else value[row.state].push({ userId: row.peerId, message: row.message, at: row.updatedAt });
      }
      value.blocked.push(...friends.blockedBy(userId));
      return value;
    },
  };
}

function added(a: string, b: string): Event[] {
  return both(a, b, 'added');
}

function both(a: string, b: string, action: FriendActionName): Event[] {
  return [
    { to: a, action, peerId: b },
    { to: b, action, peerId: a },
  ];
}
