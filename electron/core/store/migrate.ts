import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside the same transaction that records it as applied. */
export type Migration = Readonly<{ version: number; name: string; up(db: Database): void }>;

/** The file was written by a newer Tidings; opening it with this one could damage it. */
export class StoreVersionError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `This database has schema version ${found}, but this version of Tidings knows only up to ${known}. ` +
        'Update Tidings to open it.',
    );
    this.name = 'StoreVersionError';
  }
}

export type MigrationReport = Readonly<{ from: number; to: number; applied: readonly number[] }>;

/**
 * Brings the schema to the newest version, one migration per transaction, so a crash leaves
 * the file with whole steps applied. Numbers are reserved in ranges (the engine 1–9, the
 * search index 10+), so the applied steps are recorded one by one in `schema_migrations`: a
 * later engine step below an applied search step still runs. `user_version` holds the highest
 * applied number, which is what makes an older Tidings refuse the file.
 */
export function migrate(db: Database, migrations: readonly Migration[]): MigrationReport {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1)
      throw new Error(`migration ${m.name} has no valid version`);
    const previous = sorted[i - 1];
    if (previous && previous.version === m.version)
      throw new Error(`migrations ${previous.name} and ${m.name} share version ${m.version}`);
  });
  const known = sorted.at(-1)?.version ?? 0;
  const from = currentVersion(db);
  if (from > known) throw new StoreVersionError(from, known);

  const done = appliedVersions(db, from, sorted);
  const applied: number[] = [];
  for (const migration of sorted) {
    if (done.has(migration.version)) continue;
    db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(
        migration.version,
        migration.name,
      );
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      const highest = Math.max(currentVersion(db), migration.version);
      db.pragma(`user_version = ${highest}`);
    })();
    applied.push(migration.version);
  }
  return { from, to: Math.max(from, known), applied };
}

/**
 * The versions already applied. A file from before `schema_migrations` existed recorded only
 * `user_version`, with every step up to it applied.
 */
function appliedVersions(db: Database, userVersion: number, migrations: readonly Migration[]): Set<number> {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!exists) {
    db.transaction(() => {
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
      const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
      for (const m of migrations) if (m.version <= userVersion) record.run(m.version, m.name);
    })();
  }
  const rows = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
  return new Set(rows);
}

export function currentVersion(db: Database): number {
  const version: unknown = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}
