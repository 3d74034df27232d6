import type { Database } from 'better-sqlite3';

/** What an indexer sees of a stored message: its local row id and the searchable text. */
export type IndexableMessage = Readonly<{
  /** `messages.id`: the local row id, stable for the life of the row. */
  rowId: number;
  conversationId: string;
  senderId: string;
  sentAt: number;
  kind: string;
  /** The text to index (a text message's body; empty for kinds without text). */
  text: string;
}>;

/**
 * A secondary index of messages (the FTS5 search index). The store calls it inside the SAME
 * transaction as the write it mirrors, in the store's worker thread, so the index can never
 * disagree with the messages after a crash. It must not open transactions of its own and
 * must throw only when the write must be rolled back.
 */
export type MessageIndexer = Readonly<{
  /** New messages (inserted, or arriving through sync). */
  indexMessages(db: Database, messages: ReadonlyArray<IndexableMessage>): void;
  /** Messages recalled or deleted locally: their text must no longer be found. */
  unindexMessages(db: Database, rowIds: readonly number[]): void;
}>;
