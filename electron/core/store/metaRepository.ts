import type { Database } from 'better-sqlite3';

/** The only SQL that touches `meta`: small per-account settings such as the device id. */
export function createMetaRepository(db: Database) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const insertIfMissing = db.prepare<[string, string]>(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
  );
  return {
    get(key: string): string | null {
      return get.get(key)?.value ?? null;
    },
    insertIfMissing(key: string, value: string): void {
      insertIfMissing.run(key, value);
    },
  };
}

export type MetaRepository = ReturnType<typeof createMetaRepository>;
