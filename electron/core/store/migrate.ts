import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside the same transaction that bumps `user_version`. */
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

export type MigrationReport = Readonly<{ from: number; to: number }>;

/**
 * Brings the schema to the newest version, one migration per transaction, so a crash leaves
 * the file at some whole version. Versions live in SQLite's `user_version`.
 */
export function migrate(db: Database, migrations: readonly Migration[]): MigrationReport {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const known = migrations.length;
  const from = currentVersion(db);
  if (from > known) throw new StoreVersionError(from, known);
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: known };
}

export function currentVersion(db: Database): number {
  const version: unknown = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}
