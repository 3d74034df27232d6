import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from '../../../../server/storage/migrate';
import { migrations } from '../../../../server/storage/migrations';

/** An in-memory database migrated to `version`, with foreign keys on as in production. */
export function databaseAt(version: number): Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

export function columnsOf(db: Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

export function addUser(db: Database, username: string): number {
  const row = db
    .prepare(
      "INSERT INTO users (username, password_hash, display_name, created_at) VALUES (?, 'h', ?, 1) RETURNING id",
    )
    .get(username, username) as { id: number };
  return row.id;
}
