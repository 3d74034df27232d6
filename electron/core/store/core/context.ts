import type { Database } from 'better-sqlite3';
import type { AccountMode } from '../../../../shared/ipc';
import { createConversationRepository, type ConversationRepository } from '../conversationRepository';
import type { MessageIndexer } from '../messageIndexer';
import { createMessageRepository, type MessageRepository } from '../messageRepository';
import { createMetaRepository, type MetaRepository } from '../metaRepository';
import { createOutboxRepository, type OutboxRepository } from '../outboxRepository';

/** Who owns the database and how sequences are assigned (by the server, or locally in basic mode). */
export type StoreIdentity = Readonly<{ userId: string; mode: AccountMode }>;

/** Everything the store's operations share inside the worker. */
export type StoreContext = Readonly<{
  db: Database;
  me: string;
  mode: AccountMode;
  messages: MessageRepository;
  conversations: ConversationRepository;
  outbox: OutboxRepository;
  meta: MetaRepository;
  indexers: readonly MessageIndexer[];
}>;

export function createStoreContext(
  db: Database,
  identity: StoreIdentity,
  indexers: readonly MessageIndexer[],
): StoreContext {
  return Object.freeze({
    db,
    me: identity.userId,
    mode: identity.mode,
    messages: createMessageRepository(db),
    conversations: createConversationRepository(db),
    outbox: createOutboxRepository(db),
    meta: createMetaRepository(db),
    indexers,
  });
}
