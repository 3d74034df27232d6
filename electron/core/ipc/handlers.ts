import { createAuthHandlers } from './authHandlers';
import { createConversationHandlers } from './conversationHandlers';
import type { HandlerContext } from './handlerContext';
import type { HandlerTable } from './handlerTable';
import { createMessageHandlers } from './messageHandlers';

/** Every channel's handler; `satisfies` makes a missing one a type error. */
export function createHandlerTable(ctx: HandlerContext): HandlerTable {
  return {
    ...createAuthHandlers(ctx),
    ...createConversationHandlers(ctx),
    ...createMessageHandlers(ctx),
  } satisfies HandlerTable;
}
