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
   *
   * `rerunnable` says every op only reads and writes through the repositories (and reads the
   * clock), so it may run again after a rollback: the batch then runs without a savepoint per
   * op, a fifth of the database's work per message, and only if an op throws is it rolled
   * back and run again with savepoints, to the same results as `runBatch`.
   */
  commitBatch(ops: readonly (() => unknown)[], rerunnable?: boolean): CommittedBatch;
  /**
   * Runs `run` when the next commit would be best made: at once (next turn) unless an fsync is
   * running, else when it returns (see WalSync.whenIdle).
   */
  whenIdle(run: () => void): void;
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
  const plain = db.transaction((ops: readonly (() => unknown)[]): OpResult[] =>
    ops.map((op): OpResult => {
      try {
        return { ok: true, value: op() };
      } catch (error) {
        throw new OpFailed(error);
      }
    }),
  );
  const run = (ops: readonly (() => unknown)[], rerunnable: boolean): OpResult[] => {
    if (!rerunnable) return all(ops);
    try {
      return plain(ops);
    } catch (error) {
      // An op failed and the whole batch rolled back: again, each op in its own savepoint.
      if (error instanceof OpFailed) return all(ops);
      throw error;
    }
  };
  // The connection stays at FULL for every other writer; only batches whose durability is
  // awaited through the WAL sync commit at NORMAL.
  const deferSync = db.prepare('PRAGMA synchronous = NORMAL');
  const fullSync = db.prepare('PRAGMA synchronous = FULL');
  const inWal = !db.memory && db.pragma('journal_mode', { simple: true }) === 'wal';
  let wal: WalSync | null = inWal ? createWalSync(db.name, options.fs) : null;
  const durableNow = Promise.resolve();

  return {
    runBatch: (ops) => all(ops),
    commitBatch(ops, rerunnable = false) {
      if (wal === null) return { results: run(ops, rerunnable), durable: durableNow };
      deferSync.run();
      let results: OpResult[];
      try {
        results = run(ops, rerunnable);
      } finally {
        fullSync.run();
      }
      return { results, durable: wal.afterCommit() };
    },
    whenIdle(run) {
      if (wal === null) setImmediate(run);
      else wal.whenIdle(run);
    },
    syncNow: () => wal?.syncNow(),
    close() {
      wal?.close();
      wal = null;
    },
  };
}

/** What an op threw in a batch run without savepoints (the batch is then run again with them). */
class OpFailed extends Error {
  constructor(readonly reason: unknown) {
    super('an operation of the batch failed');
  }
}
