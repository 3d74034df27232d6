import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, type Migration } from './migrate';
import { migrations as allMigrations } from './migrations';

export type OpenDatabaseOptions = Readonly<{
  /** better-sqlite3's native module for another ABI (Electron); see docs/ARCHITECTURE.md. */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}>;

/** Opens (creating if needed) and migrates one account's database file. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // WAL: readers (a future worker pool) never block the writer; NORMAL is durable in WAL mode
    // except for the last transactions on power loss, which the outbox and the server repair.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? allMigrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** `<dataDir>/accounts/<userId>/tidings.db`, with the user id made safe as a folder name. */
export function accountDatabasePath(dataDir: string, userId: string): string {
  const safe = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/.test(userId)
    ? userId
    : `x${Buffer.from(userId, 'utf8').toString('hex')}`;
  return path.join(dataDir, 'accounts', safe, 'tidings.db');
}
