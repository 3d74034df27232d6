import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import { createSearchEngine, type SearchEngine } from '../../../electron/core/search/engine/searchEngine';
import type { IndexConfig } from '../../../electron/core/search/index/indexConfig';
import { prepareIndex } from '../../../electron/core/search/index/indexState';
import { createMessageIndexer } from '../../../electron/core/search/index/messageIndex';
import { searchMigrations } from '../../../electron/core/search/migrations/010_searchIndex';
import { openDatabase } from '../../../electron/core/store/database';
import { migrations } from '../../../electron/core/store/migrations';
import type { MessageIndexer } from '../../../electron/core/store/messageIndexer';

export type BenchDb = Readonly<{ db: Database; engine: SearchEngine; indexer: MessageIndexer }>;

/**
 * A fresh account database as the store's worker opens it (the engine's migrations and the
 * search migration), with the index in `config`'s format and no rebuild pending.
 */
export function createBenchDb(file: string, config: IndexConfig): BenchDb {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file, { migrations: [...migrations, ...searchMigrations] });
  prepareIndex(db, config);
  db.prepare(`DELETE FROM search_meta WHERE key LIKE 'rebuild_%'`).run();
  const engine = createSearchEngine(db, config);
  return { db, engine, indexer: createMessageIndexer(() => engine.index) };
}

/** Bytes of the search tables (FTS5 shadow tables, the key map, meta), from dbstat. */
export function searchIndexBytes(db: Database): { total: number; byTable: Record<string, number> } {
  const rows = db
    .prepare<[], { name: string; bytes: number }>(
      `SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%' GROUP BY name`,
    )
    .all();
  const byTable = Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
  return { total: rows.reduce((sum, r) => sum + r.bytes, 0), byTable };
}
