import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations } from './migrations';

/**
 * Opens (creating if needed) and migrates the server database.
 *
 * WAL lets readers run beside the single writer. `synchronous = FULL` makes every commit fsync
 * the WAL, so what a caller is told is stored is on disk; NORMAL alone would only protect
 * against process crashes, not power loss, which breaks "persist before ACK". The messaging
 * core's write queue commits its batches at NORMAL instead and fsyncs the WAL itself, off the
 * event loop, before anyone hears of them (storage/writer/walSync.ts): the same guarantee,
 * without the event loop waiting for the disk.
 */
export function openDatabase(file: string): Database {
  const db = new BetterSqlite3(file);
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && file !== ':memory:')
      throw new Error(`could not enable WAL mode (got ${String(mode)})`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
