import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside a transaction together with the `user_version` bump. */
export type Migration = Readonly<{ version: number; name: string; up(db: Database): void }>;

export type MigrationReport = Readonly<{ from: number; to: number }>;

/**
 * Brings the schema to `target` (default: the newest migration). The schema version lives in
 * SQLite's `user_version` header field, so it commits atomically with the step that set it.
 * Refuses a database written by a newer server rather than guess at its shape.
 */
export function migrate(db: Database, migrations: readonly Migration[], target?: number): MigrationReport {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${index + 1}`);
  });
  const latest = migrations.length;
  const goal = target ?? latest;
  if (!Number.isInteger(goal) || goal < 0 || goal > latest) throw new Error(`no migration ${String(goal)}`);
  const from = schemaVersion(db);
  if (from > latest) {
    throw new Error(
      `database schema version ${from} is newer than this server's ${latest}; upgrade the server`,
    );
  }
  for (const m of migrations) {
    if (m.version <= from || m.version > goal) continue;
    db.transaction(() => {
      m.up(db);
      // PRAGMA cannot take bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, goal) };
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
