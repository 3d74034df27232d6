import type { Database } from 'better-sqlite3';
import { createWalSync, type SyncFs, type WalSync } from './writer/walSync';

export type OpResult = Readonly<{ ok: true; value: unknown }> | Readonly<{ ok: false; error: unknown }>;

/** A batch written to the database; `durable` settles when it is also on disk. */
export type CommittedBatch = Readonly<{ results: OpResult[]; durable: Promise<void> }>;

/**
 * Runs work that spans repositories in one transaction. Services hand it closures that call
 * repository methods; no SQL leaves the storage folder.
 */
export type Transactor = Readonly<{
  /**
   * Runs `ops` in ONE transaction (one fsync for all of them), each in its own savepoint, so
   * an op that throws is rolled back alone and reported as failed. Throws only if the commit
   * itself fails, in which case nothing was stored. Durable when it returns.
   */
  runBatch(ops: readonly (() => unknown)[]): OpResult[];
  /**
   * As `runBatch`, but returns once the commit is written, without waiting for the disk:
   * `durable` settles when it is there (see walSync.ts), so the event loop goes on meanwhile.
   * Nothing may be acknowledged to anyone before `durable` resolves.
   */
  commitBatch(ops: readonly (() => unknown)[]): CommittedBatch;
  /** Blocks until every commit so far is durable, settling their `durable` promises (shutdown). */
  syncNow(): void;
  /** Syncs, then releases the WAL file; later `commitBatch` calls are durable on return. */
  close(): void;
}>;

export function createTransactor(db: Database, options: Readonly<{ fs?: SyncFs }> = {}): Transactor {
  // Called inside `all`, better-sqlite3 turns this transaction into a savepoint.
  const one = db.transaction((op: () => unknown): unknown => op());
  const all = db.transaction((ops: readonly (() => unknown)[]): OpResult[] =>
    ops.map((op): OpResult => {
      try {
        return { ok: true, value: one(op) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  // The connection stays at FULL for every other writer; only batches whose durability is
  // awaited through the WAL sync commit at NORMAL.
  const deferSync = db.prepare('PRAGMA synchronous = NORMAL');
  const fullSync = db.prepare('PRAGMA synchronous = FULL');
  const inWal = !db.memory && db.pragma('journal_mode', { simple: true }) === 'wal';
  let wal: WalSync | null = inWal ? createWalSync(db.name, options.fs) : null;
  const durableNow = Promise.resolve();

  return {
    runBatch: (ops) => all(ops),
    commitBatch(ops) {
      if (wal === null) return { results: all(ops), durable: durableNow };
      deferSync.run();
      let results: OpResult[];
      try {
        results = all(ops);
      } finally {
        fullSync.run();
      }
      return { results, durable: wal.afterCommit() };
    },
    syncNow: () => wal?.syncNow(),
    close() {
      wal?.close();
      wal = null;
    },
  };
}
