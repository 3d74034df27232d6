import type { Database } from 'better-sqlite3';
import { createStoreContext, type StoreIdentity } from './core/context';
import { createConversationOps } from './core/conversationOps';
import { createMessageOps } from './core/messageOps';
import { createOutboxOps } from './core/outboxOps';
import { createSyncOps } from './core/syncOps';
import { createTransferOps } from '../files/transferOps';
import { createContactOps } from '../social/friends/contactOps';
import { createGroupOps } from '../social/groups/groupStoreOps';
import type { StoreExtension } from './storeExtension';

/**
 * Every store operation, synchronous, as it runs in the store's worker thread. Each one is a
 * single transaction (or a single statement). The host sees the same operations as promises
 * (`Store`), so nothing here ever runs on the host's event loop.
 */
export function createStoreApi(db: Database, identity: StoreIdentity, extensions: readonly StoreExtension[]) {
  const indexers = extensions.flatMap((e) => (e.indexer ? [e.indexer] : []));
  const ctx = createStoreContext(db, identity, indexers);
  return {
    ...createConversationOps(ctx),
    ...createMessageOps(ctx),
    ...createOutboxOps(ctx),
    ...createSyncOps(ctx),
    ...createTransferOps(ctx),
    ...createContactOps(ctx),
    ...createGroupOps(ctx),
    /** An account-scoped preference (JSON), or undefined. */
    getSetting: (key: string): unknown => ctx.meta.getSetting(key),
    setSetting: (key: string, value: unknown): void => ctx.meta.setSetting(key, value),
  };
}

export type StoreApi = ReturnType<typeof createStoreApi>;
export type StoreOperation = keyof StoreApi;
