import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { searchFiltersSchema } from '../../../../shared/ipc/channels/search';
import type { StoreExtension } from '../../store/storeExtension';
import { createSearchEngine, type SearchEngine } from '../engine/searchEngine';
import type { ContextRequest, MessagesRequest } from '../engine/searchRequests';
import { defaultIndexConfig, type IndexConfig } from '../index/indexConfig';
import { createMessageIndexer } from '../index/messageIndex';
import { searchMigrations } from '../migrations/010_searchIndex';

export const SEARCH_EXTENSION = 'search';

/** The operations the host may call, by name (see host/searchBackend.ts). */
export type SearchOperation = 'messages' | 'context' | 'status' | 'open' | 'beginRebuild' | 'rebuildStep';

// Arguments crossed a thread boundary: validated again here, like any inbound payload.
const messagesArgs = z.object({
  query: z.string().max(500),
  asYouType: z.boolean(),
  filters: searchFiltersSchema,
  beforeKey: z.number().int().positive().nullable(),
  limit: z.number().int().min(1).max(101),
}) satisfies z.ZodType<MessagesRequest>;
const span = z.number().int().min(0).max(200);
const contextArgs = z.object({
  anchor: z.union([
    z.object({ messageId: z.string().min(1) }),
    z.object({ conversationId: z.string().min(1), seq: z.number().int().positive() }),
  ]),
  before: span,
  after: span,
}) satisfies z.ZodType<ContextRequest>;
const stepArgs = z
  .object({ batchSize: z.number().int().min(1).max(100_000) })
  .partial()
  .optional();

/**
 * Search as a store extension: its tables arrive with migration 10, every message write is
 * mirrored through the indexer in the same transaction, and the host calls the operations
 * below in the store's worker. One engine per database, made on first use.
 */
export function createSearchExtension(config: IndexConfig = defaultIndexConfig): StoreExtension {
  const engines = new WeakMap<Database, SearchEngine>();
  const engineFor = (db: Database): SearchEngine => {
    let engine = engines.get(db);
    if (engine === undefined) {
      engine = createSearchEngine(db, config);
      engines.set(db, engine);
    }
    return engine;
  };
  return Object.freeze({
    name: SEARCH_EXTENSION,
    migrations: searchMigrations,
    indexer: createMessageIndexer((db) => engineFor(db).index),
    operations: {
      messages: (db: Database, args: unknown) => engineFor(db).messages(messagesArgs.parse(args)),
      context: (db: Database, args: unknown) => engineFor(db).context(contextArgs.parse(args)),
      status: (db: Database) => engineFor(db).status(),
      open: (db: Database) => engineFor(db).open(),
      beginRebuild: (db: Database) => engineFor(db).beginRebuild(),
      rebuildStep: (db: Database, args: unknown) =>
        engineFor(db).rebuildStep(stepArgs.parse(args)?.batchSize),
    } satisfies Record<SearchOperation, (db: Database, args: unknown) => unknown>,
  });
}
