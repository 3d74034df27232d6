import type { Database } from 'better-sqlite3';
import type { SearchProgress } from '../../../../shared/ipc/channels/search';
import { defaultIndexConfig, type IndexConfig } from '../index/indexConfig';
import {
  META_REBUILD_AFTER,
  META_REBUILD_DONE,
  META_REBUILD_TOTAL,
  prepareIndex,
  resetIndex,
} from '../index/indexState';
import { createMessageIndex, type MessageIndex } from '../index/messageIndex';
import { createSearchRepository } from '../index/searchRepository';
import { createMessageSource } from '../source/messageSource';
import { readContext } from './contextWindow';
import { searchMessages } from './messageSearch';
import type { ContextRequest, ContextWindow, MessagesPage, MessagesRequest } from './searchRequests';

export const DEFAULT_REBUILD_BATCH = 1000;

/**
 * Search over one account's database, synchronous, in the thread that owns the connection
 * (the store's worker). `open()` checks the index version; the rest never changes the schema.
 */
export function createSearchEngine(db: Database, config: IndexConfig = defaultIndexConfig) {
  const repo = createSearchRepository(db);
  const source = createMessageSource(db);
  const index: MessageIndex = createMessageIndex(repo, config);

  function progress(): SearchProgress {
    const after = repo.meta(META_REBUILD_AFTER);
    const total = Number(repo.meta(META_REBUILD_TOTAL) ?? 0);
    if (after === null) return { state: 'ready', done: total, total };
    return { state: 'rebuilding', done: Number(repo.meta(META_REBUILD_DONE) ?? 0), total };
  }

  const recreate = db.transaction((reset: boolean) => {
    const recreated = reset ? (resetIndex(db, config), true) : prepareIndex(db, config);
    if (recreated) repo.forgetStatements();
    // A rebuild marked by this call or by the migration that made the tables: count what it has left.
    const after = repo.meta(META_REBUILD_AFTER);
    if (after !== null && repo.meta(META_REBUILD_TOTAL) === '0') {
      const done = Number(repo.meta(META_REBUILD_DONE) ?? 0);
      repo.setMeta(META_REBUILD_TOTAL, String(done + source.countAfter(Number(after))));
    }
  });

  const step = db.transaction((batchSize: number): SearchProgress => {
    const after = repo.meta(META_REBUILD_AFTER);
    if (after === null) return progress();
    const batch = source.batchAfter(Number(after), batchSize);
    index.add(batch.messages);
    const done = Number(repo.meta(META_REBUILD_DONE) ?? 0) + batch.messages.length;
    if (batch.messages.length < batchSize) {
      repo.deleteMeta(META_REBUILD_AFTER);
      repo.deleteMeta(META_REBUILD_DONE);
      repo.setMeta(META_REBUILD_TOTAL, String(done));
    } else {
      repo.setMeta(META_REBUILD_AFTER, String(batch.lastRowId));
      repo.setMeta(META_REBUILD_DONE, String(done));
      // Messages that arrive during a rebuild are counted when it reaches them.
      const total = Number(repo.meta(META_REBUILD_TOTAL) ?? 0);
      if (done > total) repo.setMeta(META_REBUILD_TOTAL, String(done));
    }
    return progress();
  });

  return {
    /** The store's write hook lands here (inside the store's transaction). */
    index,
    /** Recreates the index when its version is not this code's; then a rebuild is pending. */
    open(): SearchProgress {
      recreate(false);
      return progress();
    },
    status: progress,
    /** Empties the index and starts over from the first message (the user asked). */
    beginRebuild(): SearchProgress {
      recreate(true);
      return progress();
    },
    /** Indexes the next batch of a pending rebuild, in one transaction. */
    rebuildStep(batchSize: number = DEFAULT_REBUILD_BATCH): SearchProgress {
      return step(batchSize);
    },
    messages(request: MessagesRequest): MessagesPage {
      return searchMessages({ repo, source, config }, request);
    },
    context(request: ContextRequest): ContextWindow | null {
      return readContext(source, request);
    },
  };
}

export type SearchEngine = ReturnType<typeof createSearchEngine>;
