import { IpcFailure, type Contact } from '../../../shared/ipc';
import {
  CommandError,
  type CommandArgs,
  type CommandName,
  type CommandValue,
  type UserProfile,
} from '../../../shared/protocol';
import { CommandFailure, LinkDownError } from '../net/commandClient';
import type { Session } from '../session/session';
import type { FriendChange } from '../social/friends/contactOps';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

export type ContactHandlers = DomainHandlers<'contacts'> &
  DomainHandlers<'friends'> &
  DomainHandlers<'presence'>;

/** What a refused friend or presence command means to the user (the server's sentence is specific). */
function friendFailure(error: unknown): unknown {
  if (error instanceof LinkDownError) return new IpcFailure('offline');
  if (!(error instanceof CommandFailure)) return error;
  switch (error.code) {
    case CommandError.blocked:
      return new IpcFailure('blocked', error.message);
    case CommandError.notFound:
      return new IpcFailure('friend-request-not-found');
    case CommandError.userNotFound:
      return new IpcFailure('user-not-found');
    case CommandError.invalidRequest:
      return new IpcFailure('invalid-request', error.message);
    case CommandError.rateLimited:
      return new IpcFailure('rate-limited');
    default:
      return new IpcFailure('server-error');
  }
}

/**
 * Contacts, friend requests and presence. Each change is a server command; its answer is
 * applied here at once (so the reply and the UI agree), and the `friend` inbox events that
 * follow on every device apply the same change again, idempotently.
 */
export function createContactHandlers(ctx: HandlerContext): ContactHandlers {
  const { clock } = ctx.deps;

  /** A session on a Tidings server that can take commands now. */
  const online = async (): Promise<Session> => {
    const session = await ctx.sessions.require();
    if (session.basic()) throw new IpcFailure('unavailable-in-basic-mode');
    if (!session.synced()) throw new IpcFailure('offline');
    return session;
  };

  const command = async <N extends CommandName>(
    session: Session,
    name: N,
    args: CommandArgs<N>,
  ): Promise<CommandValue<N>> => {
    try {
      return await session.commands.call(name, args);
    } catch (error) {
      throw friendFailure(error);
    }
  };

  const apply = async (
    session: Session,
    changes: readonly Omit<FriendChange, 'at'>[],
    profiles: readonly UserProfile[] = [],
  ): Promise<void> => {
    const now = clock.now();
    const stamped = changes.map((c) => ({ ...c, at: now }));
    session.friends.publish(await session.store.applyFriendChanges(stamped, now, profiles));
  };

  const settled = async (): Promise<Session> => {
    const session = await ctx.sessions.require();
    await session.friends.settled();
    return session;
  };

  const contactOf = async (session: Session, userId: string): Promise<Contact> => {
    const contact = await session.store.getContact(userId);
    if (!contact) throw new IpcFailure('internal', 'The contact was not stored.');
    return contact;
  };

  return {
    // A check against the server's list that is under way (after a sign-in) finishes first.
    'contacts:list': async () => (await settled()).store.listContacts(),
    'contacts:search': async ({ query, limit }) => (await settled()).store.searchContacts(query, limit),
    'contacts:setRemark': async ({ userId, remark }) => {
      const session = await ctx.sessions.require();
      const contact = await session.store.setContactRemark(userId, remark, clock.now());
      if (!contact) throw new IpcFailure('user-not-found', 'That user is not one of your contacts.');
      ctx.events.emit({ name: 'contacts:changed', payload: { contacts: [contact] } });
      return contact;
    },
    'contacts:delete': async ({ userId }) => {
      const session = await online();
      await command(session, 'friend.delete', { userId });
      await apply(session, [{ action: 'deleted', peerId: userId }]);
      return null;
    },
    'contacts:block': async ({ userId }) => {
      const session = await online();
      await command(session, 'friend.block', { userId });
      await apply(session, [
        { action: 'deleted', peerId: userId },
        { action: 'blocked', peerId: userId },
      ]);
      return contactOf(session, userId);
    },
    'contacts:unblock': async ({ userId }) => {
      const session = await online();
      await command(session, 'friend.unblock', { userId });
      await apply(session, [{ action: 'unblocked', peerId: userId }]);
      return null;
    },

    'friends:requests': async () => (await settled()).store.listFriendRequests(),
    'friends:request': async ({ username, message }) => {
      const session = await online();
      const api = session.api;
      if (api === null) throw new IpcFailure('unavailable-in-basic-mode');
      const profile = await session.authed((token) => api.userByUsername(token, username));
      if (profile.userId === session.account.userId)
        throw new IpcFailure('invalid-request', 'You cannot ask yourself to be friends.');
      const { relation } = await command(session, 'friend.request', { userId: profile.userId, message });
      const outcome = relation === 'friend' ? 'friend' : 'outgoing';
      await apply(
        session,
        [
          outcome === 'friend'
            ? { action: 'added', peerId: profile.userId }
            : { action: 'request-sent', peerId: profile.userId, message },
        ],
        [profile],
      );
      return { userId: profile.userId, relation: outcome };
    },
    'friends:accept': async ({ userId }) => {
      const session = await online();
      await command(session, 'friend.accept', { userId });
      await apply(session, [{ action: 'added', peerId: userId }]);
      return contactOf(session, userId);
    },
    'friends:reject': async ({ userId }) => {
      const session = await online();
      await command(session, 'friend.reject', { userId });
      await apply(session, [{ action: 'rejected', peerId: userId }]);
      return null;
    },

    'presence:get': async ({ userIds }) => {
      const session = await online();
      const reply = await command(session, 'presence.get', { userIds });
      const outcome = await session.store.applyPresence(reply.users, clock.now());
      if (outcome.presence.length > 0)
        ctx.events.emit({ name: 'presence:changed', payload: { users: outcome.presence } });
      return outcome.presence;
    },
    'presence:getPrivacy': async () => ({
      hideLastSeen: await (await ctx.sessions.require()).store.hideLastSeen(),
    }),
    'presence:setPrivacy': async ({ hideLastSeen }) => {
      const session = await online();
      await command(session, 'presence.setPrivacy', { hideLastSeen });
      await session.store.setHideLastSeen(hideLastSeen);
      return { hideLastSeen };
    },
  };
}
