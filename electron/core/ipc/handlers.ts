import { createAuthHandlers } from './authHandlers';
import { createConnectionHandlers } from './connectionHandlers';
import { createContactHandlers } from './contactHandlers';
import { createConversationHandlers } from './conversationHandlers';
import { createFileHandlers } from './fileHandlers';
import { createGroupHandlers } from './groupHandlers';
import type { HandlerContext } from './handlerContext';
import type { HandlerTable } from './handlerTable';
import { createMessageHandlers } from './messageHandlers';
import { createProfileHandlers } from './profileHandlers';
import { createSearchContext } from '../search/ipc/searchContext';
import { createSearchHandlers } from '../search/ipc/searchHandlers';
import { createSettingsHandlers } from './settingsHandlers';
import { createStorageHandlers } from './storageHandlers';
import { createSyncHandlers } from './syncHandlers';

/** Every channel's handler; `satisfies` makes a missing one a type error. */
export function createHandlerTable(ctx: HandlerContext): HandlerTable {
  return {
    ...createAuthHandlers(ctx),
    ...createConnectionHandlers(ctx),
    ...createConversationHandlers(ctx),
    ...createMessageHandlers(ctx),
    ...createSyncHandlers(ctx),
    ...createSettingsHandlers(ctx),
    ...createStorageHandlers(ctx),
    ...createSearchHandlers(createSearchContext(ctx).handlers),
    ...createFileHandlers(ctx),
    ...createContactHandlers(ctx),
    ...createGroupHandlers(ctx),
    ...createProfileHandlers(ctx),
  } satisfies HandlerTable;
}
