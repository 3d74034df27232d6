import type { HandlerContext } from '../../ipc/handlerContext';
import type { Session } from '../../session/session';
import { createSessionSearch, type SessionSearch } from '../host/sessionSearch';
import type { SearchHandlerContext } from './searchHandlers';

/**
 * Search for whichever account is signed in, without the session having to know about it: one
 * SessionSearch per session, made on its first engine event (so an index rebuild starts soon
 * after sign-in) or its first search, and kept live from the engine's own events
 * (conversations and messages change → the switcher follows). The engine calls
 * `forSession(session).switcher.upsertContact(...)` etc. as contacts and groups change.
 */
export function createSearchContext(ctx: Pick<HandlerContext, 'sessions' | 'events' | 'deps'>) {
  const bySession = new WeakMap<Session, SessionSearch>();

  function forSession(session: Session): SessionSearch {
    let search = bySession.get(session);
    if (search === undefined) {
      search = createSessionSearch({
        store: session.store,
        emitProgress: (payload) => ctx.events.emit({ name: 'search:progress', payload }),
        logger: ctx.deps.logger,
      });
      bySession.set(session, search);
    }
    return search;
  }

  const unsubscribe = ctx.events.subscribe((event) => {
    if (event.name === 'search:progress') return;
    const session = ctx.sessions.current();
    if (session === null) return;
    const { switcher } = forSession(session);
    if (event.name === 'conversations:changed') {
      for (const conversation of event.payload.conversations) switcher.upsertConversation(conversation);
    } else if (event.name === 'groups:changed') {
      // A group is found by its name, and opens its conversation (not a bare conversation entry).
      for (const group of event.payload.groups) {
        switcher.remove('conversation', group.conversationId);
        switcher.upsertGroup({ id: group.conversationId, name: group.name });
      }
    } else if (event.name === 'groups:removed') {
      for (const groupId of event.payload.groupIds) switcher.removeGroup(`g:${groupId}`);
    } else if (event.name === 'messages:changed') {
      const newest = Math.max(...event.payload.messages.map((m) => m.sentAt));
      if (Number.isFinite(newest)) switcher.noteActivity(event.payload.conversationId, newest);
    } else if (event.name === 'contacts:changed') {
      for (const contact of event.payload.contacts) switcher.upsertContact(contact);
    } else if (event.name === 'contacts:removed') {
      const gone = new Set(event.payload.userIds);
      for (const userId of gone) switcher.removeContact(userId);
      // A conversation with a former contact stays findable, under the name it shows.
      void session.store.listConversations().then(
        (list) => list.filter((c) => c.peer && gone.has(c.peer.userId)).forEach(switcher.upsertConversation),
        () => undefined,
      );
    }
  });

  const handlers: SearchHandlerContext = {
    backend: async () => forSession(await ctx.sessions.require()).backend,
    switcher: async () => forSession(await ctx.sessions.require()).switcher,
  };
  return { handlers, forSession, close: unsubscribe };
}
