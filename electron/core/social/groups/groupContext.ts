import { NoticeEvent } from '../../../../shared/protocol';
import type { HandlerContext } from '../../ipc/handlerContext';
import type { Session } from '../../session/session';
import { createGroupService, type GroupService } from './groupService';

/** Notices that change what the group list or the member list shows. */
const GROUP_NOTICES: ReadonlySet<unknown> = new Set([
  NoticeEvent.groupCreated,
  NoticeEvent.memberJoined,
  NoticeEvent.memberKicked,
  NoticeEvent.memberQuit,
  NoticeEvent.groupDissolved,
  NoticeEvent.groupRenamed,
  NoticeEvent.groupNotice,
  NoticeEvent.ownerTransferred,
  NoticeEvent.adminSet,
  NoticeEvent.adminUnset,
]);

/**
 * Groups for whichever account is signed in, kept live from the engine's own events, so the
 * session needs no knowledge of them: a group notice arriving by sync refreshes that group
 * (and a dissolution is recorded at once, even offline); a group conversation whose standing
 * changed (joined, left) is announced as `groups:changed`; a new login refreshes the list.
 */
export function createGroupContext(ctx: Pick<HandlerContext, 'sessions' | 'events' | 'deps'>) {
  const bySession = new WeakMap<Session, GroupService>();
  /** The standing last announced per group conversation, so each change is announced once. */
  const announced = new WeakMap<Session, Map<string, string>>();

  function forSession(session: Session): GroupService {
    let service = bySession.get(session);
    if (service === undefined) {
      service = createGroupService(session, {
        events: ctx.events,
        clock: ctx.deps.clock,
        logger: ctx.deps.logger,
      });
      bySession.set(session, service);
      announced.set(session, new Map());
    }
    return service;
  }

  const onNotices = (
    session: Session,
    conversationId: string,
    bodies: readonly Record<string, unknown>[],
  ) => {
    const service = forSession(session);
    const groupId = conversationId.slice(2);
    const events = bodies.map((b) => b.event).filter((e) => GROUP_NOTICES.has(e));
    if (events.length === 0) return;
    if (events.includes(NoticeEvent.groupDissolved)) {
      void session.store.markGroupDissolved(groupId, ctx.deps.clock.now()).then(
        (change) => service.emitChange(change),
        (error: unknown) => ctx.deps.logger.debug('groups.dissolve-failed', { error: String(error) }),
      );
    }
    if (session.synced()) service.schedule(true, groupId);
  };

  const onConversations = (session: Session, conversations: readonly { id: string; group: unknown }[]) => {
    const service = forSession(session);
    const seen = announced.get(session);
    for (const conversation of conversations) {
      if (!conversation.id.startsWith('g:')) continue;
      const standing = JSON.stringify(conversation.group);
      if (seen?.get(conversation.id) === standing) continue;
      seen?.set(conversation.id, standing);
      const groupId = conversation.id.slice(2);
      if (conversation.group === null) {
        if (session.synced()) service.schedule(true);
        continue;
      }
      void session.store.getGroup(groupId).then(
        (group) => {
          if (group === null) return;
          ctx.events.emit({ name: 'groups:changed', payload: { groups: [group] } });
          if (group.name === '' && session.synced()) service.schedule(true, groupId);
        },
        (error: unknown) => ctx.deps.logger.debug('groups.read-failed', { error: String(error) }),
      );
    }
  };

  const unsubscribe = ctx.events.subscribe((event) => {
    const session = ctx.sessions.current();
    if (session === null || session.account.mode !== 'tidings') return;
    switch (event.name) {
      case 'messages:changed': {
        if (!event.payload.conversationId.startsWith('g:')) return;
        const notices = event.payload.messages.filter((m) => m.kind === 'notice').map((m) => m.body);
        if (notices.length > 0) onNotices(session, event.payload.conversationId, notices);
        return;
      }
      case 'conversations:changed':
        onConversations(session, event.payload.conversations);
        return;
      case 'connection:changed':
        if (event.payload.status === 'online') forSession(session).schedule(true);
        return;
      default:
        return;
    }
  });

  return {
    /** The signed-in account's groups; `not-logged-in` without one. */
    require: async (): Promise<{ session: Session; groups: GroupService }> => {
      const session = await ctx.sessions.require();
      return { session, groups: forSession(session) };
    },
    forSession,
    close: unsubscribe,
  };
}

export type GroupContext = ReturnType<typeof createGroupContext>;
