import type { Database } from 'better-sqlite3';
import type { IndexableMessage, MessageIndexer } from '../../store/messageIndexer';
import { bigramDocument } from '../text/bigramDocument';
import { ftsDocument } from '../text/ftsText';
import { tokenize } from '../text/tokenize';
import { createFilterTokenCache } from './filterTokens';
import type { IndexConfig } from './indexConfig';
import type { SearchRepository } from './searchRepository';

/**
 * Writes and removes index rows. Runs inside the caller's transaction (the store's write, or
 * a rebuild batch) and opens none of its own. Indexing a message that is already indexed
 * replaces it, so a rebuild racing with live writes, or an edit, never leaves two rows.
 */
export function createMessageIndex(repo: SearchRepository, config: IndexConfig) {
  // The default format has a one-pass builder (same output, tested equal); others use the tokenizer.
  const documentOf =
    config.cjkMode === 'bigram' && !config.positions
      ? bigramDocument
      : (text: string) => ftsDocument(tokenize(text), config.cjkMode, config.positions);
  const filterTokens = createFilterTokenCache();
  return {
    add(messages: ReadonlyArray<IndexableMessage>): void {
      // New messages from sync lie above everything indexed: one look instead of one per message.
      const maxIndexed = repo.maxRowId();
      for (const message of messages) {
        if (message.rowId <= maxIndexed) repo.remove(message.rowId);
        const document = documentOf(message.text);
        if (document !== '') {
          repo.insert(message.rowId, `${document} ${filterTokens(message.conversationId, message.senderId)}`);
        }
      }
    },
    remove(rowIds: readonly number[]): void {
      for (const rowId of rowIds) repo.remove(rowId);
    },
  };
}

export type MessageIndex = ReturnType<typeof createMessageIndex>;

/**
 * The store's hook. It takes the index for the database it is given, so one indexer serves
 * whichever account's store calls it.
 */
export function createMessageIndexer(indexFor: (db: Database) => MessageIndex): MessageIndexer {
  return Object.freeze({
    indexMessages(db: Database, messages: ReadonlyArray<IndexableMessage>) {
      if (messages.length > 0) indexFor(db).add(messages);
    },
    unindexMessages(db: Database, rowIds: readonly number[]) {
      if (rowIds.length > 0) indexFor(db).remove(rowIds);
    },
  });
}
