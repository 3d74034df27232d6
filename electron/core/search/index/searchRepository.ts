import type { Database, Statement } from 'better-sqlite3';

/** One FTS5 query: a MATCH expression, a row id range and a page size, newest (largest id) first. */
export type RowQuery = Readonly<{ match: string; minRowId: number; maxRowId: number; limit: number }>;

/**
 * The only SQL on the search tables. FTS statements are prepared lazily and again after
 * `forgetStatements()`, because dropping `search_fts` invalidates the ones that name it.
 */
export function createSearchRepository(db: Database) {
  const metaGet = db.prepare<[string], { value: string }>('SELECT value FROM search_meta WHERE key = ?');
  const metaSet = db.prepare<[string, string]>(
    'INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const metaDelete = db.prepare<[string]>('DELETE FROM search_meta WHERE key = ?');

  let fts: {
    insert: Statement<[number, string]>;
    remove: Statement<[number]>;
    has: Statement<[number], { id: number }>;
    maxId: Statement<[], { id: number | null }>;
    rows: Statement<[string, number, number, number], { id: number }>;
  } | null = null;
  const ftsStatements = () =>
    (fts ??= {
      insert: db.prepare('INSERT INTO search_fts (rowid, t) VALUES (?, ?)'),
      remove: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      // The docsize shadow table has one row per indexed document (contentless_delete keeps it):
      // asking it is much cheaper than a delete of a row that is not there, which still writes.
      has: db.prepare('SELECT id FROM search_fts_docsize WHERE id = ?'),
      maxId: db.prepare('SELECT max(id) AS id FROM search_fts_docsize'),
      rows: db.prepare(`
        SELECT rowid AS id FROM search_fts
        WHERE search_fts MATCH ? AND rowid >= ? AND rowid <= ?
        ORDER BY rowid DESC LIMIT ?`),
    });

  return {
    meta(key: string): string | null {
      return metaGet.get(key)?.value ?? null;
    },
    setMeta(key: string, value: string): void {
      metaSet.run(key, value);
    },
    deleteMeta(key: string): void {
      metaDelete.run(key);
    },
    insert(rowId: number, document: string): void {
      ftsStatements().insert.run(rowId, document);
    },
    /** The largest row id in the index, or 0: rows above it are not indexed. */
    maxRowId(): number {
      return ftsStatements().maxId.get()?.id ?? 0;
    },
    /** Removes the row if it is indexed. */
    remove(rowId: number): void {
      const statements = ftsStatements();
      if (statements.has.get(rowId) !== undefined) statements.remove.run(rowId);
    },
    rowIds(q: RowQuery): number[] {
      return ftsStatements()
        .rows.all(q.match, q.minRowId, q.maxRowId, q.limit)
        .map((row) => row.id);
    },
    /** Call after the FTS table was dropped and recreated. */
    forgetStatements(): void {
      fts = null;
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
