import type { Database } from 'better-sqlite3';

export type OpResult = Readonly<{ ok: true; value: unknown }> | Readonly<{ ok: false; error: unknown }>;

/**
 * Runs work that spans repositories in one transaction. Services hand it closures that call
 * repository methods; no SQL leaves the storage folder.
 */
export type Transactor = Readonly<{
  /**
   * Runs `ops` in ONE transaction (one fsync for all of them), each in its own savepoint, so
   * an op that throws is rolled back alone and reported as failed. Throws only if the commit
   * itself fails, in which case nothing was stored.
   */
  runBatch(ops: readonly (() => unknown)[]): OpResult[];
}>;

export function createTransactor(db: Database): Transactor {
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
  return { runBatch: (ops) => all(ops) };
}
