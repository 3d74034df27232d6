import type { Database } from 'better-sqlite3';
import { indexVersion, type IndexConfig } from './indexConfig';
import { createSearchTables, recreateFtsTable } from './searchSchema';

export const META_VERSION = 'index_version';
/** Present while a rebuild is under way: the last message row id it indexed. */
export const META_REBUILD_AFTER = 'rebuild_after';
export const META_REBUILD_DONE = 'rebuild_done';
export const META_REBUILD_TOTAL = 'rebuild_total';

/**
 * Makes sure the search tables exist and hold an index of `config`'s version. When they do
 * not (first open, a new index format, a missing table) the index is recreated empty and a
 * rebuild is marked as pending; the caller runs it in batches. True when it recreated.
 */
export function prepareIndex(db: Database, config: IndexConfig): boolean {
  createSearchTables(db);
  const version = db
    .prepare<[string], { value: string }>('SELECT value FROM search_meta WHERE key = ?')
    .get(META_VERSION)?.value;
  const hasFts = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_fts'").get();
  if (version === indexVersion(config) && hasFts !== undefined) return false;
  resetIndex(db, config);
  return true;
}

/** Empties the index and marks a rebuild from the first message as pending. */
export function resetIndex(db: Database, config: IndexConfig): void {
  recreateFtsTable(db, config);
  const set = db.prepare<[string, string]>(
    'INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  set.run(META_VERSION, indexVersion(config));
  set.run(META_REBUILD_AFTER, '0');
  set.run(META_REBUILD_DONE, '0');
  set.run(META_REBUILD_TOTAL, '0');
}
