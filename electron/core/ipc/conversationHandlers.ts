import { IpcFailure } from '../../../shared/ipc';
import { directConversationId } from '../../../shared/protocol';
import { HttpStatusError } from '../http/httpErrors';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

export function createConversationHandlers(ctx: HandlerContext): DomainHandlers<'conversations'> {
  return {
    'conversations:list': async () => ctx.sessions.require().store.listConversations(),
    'conversations:open': async ({ username }) => {
      const session = ctx.sessions.require();
      let profile;
      try {
        profile = await session.api.userByUsername(session.token, username);
      } catch (error) {
        // Here a 401 means our token is no longer accepted, not a wrong password.
        if (error instanceof HttpStatusError && error.status === 401) throw new IpcFailure('not-logged-in');
        throw error;
      }
      const id = directConversationId(session.account.userId, profile.userId);
      const { conversation, changed } = await session.store.openDirectConversation(
        id,
        profile,
        ctx.deps.clock.now(),
      );
      if (changed) session.emitConversations([conversation]);
      return conversation;
    },
  };
}
