import type { Database } from 'better-sqlite3';

/**
 * The only SQL that touches `meta`, `settings` and `sync_cursors`: small per-account values.
 * `meta` is the engine's own bookkeeping, `settings` the account's JSON preferences, and
 * `sync_cursors` how far each server stream has been applied.
 */
export function createMetaRepository(db: Database) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const set = db.prepare<[string, string]>(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const setSetting = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const getCursor = db.prepare<[string], { value: number }>('SELECT value FROM sync_cursors WHERE name = ?');
  const setCursor = db.prepare<[string, number, number]>(`
    INSERT INTO sync_cursors (name, value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  return {
    get(key: string): string | null {
      return get.get(key)?.value ?? null;
    },
    set(key: string, value: string): void {
      set.run(key, value);
    },
    getSetting(key: string): unknown {
      const row = getSetting.get(key);
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    },
    setSetting(key: string, value: unknown): void {
      setSetting.run(key, JSON.stringify(value));
    },
    /** How far the stream was applied; null when it never was. */
    cursor(name: string): number | null {
      return getCursor.get(name)?.value ?? null;
    },
    setCursor(name: string, value: number, now: number): void {
      setCursor.run(name, value, now);
    },
  };
}

export type MetaRepository = ReturnType<typeof createMetaRepository>;
