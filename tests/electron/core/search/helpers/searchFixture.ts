import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { SearchProgress } from '../../../../../shared/ipc/channels/search';
import { createCorpus, type CorpusMessage } from '../../../../../bench/engine/corpus/generateCorpus';
import { createCorpusWriter } from '../../../../../bench/engine/store/corpusWriter';
import {
  createSearchBackend,
  type HostSearchBackend,
} from '../../../../../electron/core/search/host/searchBackend';
import type { MessagesRequest } from '../../../../../electron/core/search/engine/searchRequests';
import type { IndexConfig } from '../../../../../electron/core/search/index/indexConfig';
import {
  createSearchExtension,
  type SearchOperation,
} from '../../../../../electron/core/search/worker/searchExtension';
import { openDatabase } from '../../../../../electron/core/store/database';
import { migrations } from '../../../../../electron/core/store/migrations';

export type SearchFixture = Readonly<{
  db: Database;
  file: string;
  me: string;
  /** Every message written, by row id. */
  messages: Map<number, CorpusMessage>;
  backend: HostSearchBackend;
  progress: SearchProgress[];
  writer: ReturnType<typeof createCorpusWriter>;
  /** Every hit of a search, all pages, as row ids newest first. */
  searchAll(query: string, filters?: MessagesRequest['filters'], pageSize?: number): Promise<number[]>;
  rowIdOfFp(fp: string): number;
  close(): void;
}>;

/**
 * A real SQLite file with the engine's migrations and the search extension, written through
 * the indexer hook in the store's transaction, searched through the host backend exactly as
 * the engine does (the worker call is a direct call here).
 */
export function openSearchFixture(
  dir: string,
  options: Readonly<{ count?: number; seed?: number; config?: IndexConfig; conversations?: number }> = {},
): SearchFixture {
  const extension = createSearchExtension(options.config);
  const file = path.join(dir, 'search.db');
  const db = openDatabase(file, { migrations: [...migrations, ...(extension.migrations ?? [])] });
  const operations = extension.operations ?? {};
  const call = (operation: SearchOperation, args?: unknown): Promise<unknown> => {
    const run = operations[operation];
    if (run === undefined) return Promise.reject(new Error(`no operation ${operation}`));
    try {
      return Promise.resolve(run(db, args));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  // As the host does on open: the index in this config's format (an empty rebuild here).
  operations.open?.(db, undefined);
  operations.rebuildStep?.(db, {});
  const progress: SearchProgress[] = [];
  const backend = createSearchBackend({ call, onProgress: (p) => progress.push(p), batchSize: 250 });
  const corpus = createCorpus({
    seed: options.seed ?? 7,
    conversations: options.conversations ?? 40,
    senders: 60,
  });
  const writer = createCorpusWriter(db, corpus.me, extension.indexer);
  const messages = new Map<number, CorpusMessage>();
  const rowIds = new Map<string, number>();
  const count = options.count ?? 0;
  for (let written = 0; written < count;) {
    const batch: CorpusMessage[] = [];
    for (let i = 0; i < 200 && written < count; i++, written++) batch.push(corpus.next());
    writer.write(batch).forEach((rowId, i) => {
      const message = batch[i] as CorpusMessage;
      messages.set(rowId, message);
      rowIds.set(message.fp, rowId);
    });
  }
  const rowIdOfFp = (fp: string): number => {
    const rowId = rowIds.get(fp);
    if (rowId === undefined) throw new Error(`no message ${fp}`);
    return rowId;
  };
  return {
    db,
    file,
    me: corpus.me,
    messages,
    backend,
    progress,
    writer,
    rowIdOfFp,
    async searchAll(query, filters = {}, pageSize = 100) {
      const out: number[] = [];
      let beforeKey: number | null = null;
      for (;;) {
        const page = await backend.messages({ query, asYouType: false, filters, beforeKey, limit: pageSize });
        out.push(...page.hits.map((h) => rowIdOfFp(h.message.id)));
        if (page.nextKey === null) return out;
        beforeKey = page.nextKey;
      }
    },
    close: () => db.close(),
  };
}
