import type { Transactor } from '../storage/transactor';
import { createBatchWriter } from './batchWriter';

/**
 * Group commit for every write of the messaging core (messages, inbox events, read state,
 * recalls, device cursors): operations submitted in one event-loop turn share a transaction
 * and one fsync, and each caller resumes only once its operation is committed.
 */
export type WriteQueue = Readonly<{
  /**
   * Runs `op` (synchronous repository calls) in the next batch's transaction, in its own
   * savepoint. Resolves with its result after the commit; rejects with what `op` threw (its
   * writes rolled back) or with the commit's error.
   */
  run<T>(op: () => T): Promise<T>;
  /** Commits whatever is queued now (shutdown: before the sockets close, so their ACKs go out). */
  flush(): void;
  /** Commits whatever is queued; later `run`s reject. */
  close(): void;
}>;

export function createWriteQueue(
  transactor: Transactor,
  options: Readonly<{
    maxBatch: number;
    /** Called after each committed batch with its number of operations. */
    onCommit?: (operations: number) => void;
    defer?: (run: () => void) => void;
  }>,
): WriteQueue {
  const writer = createBatchWriter(
    (ops: readonly (() => unknown)[]) => {
      const results = transactor.runBatch(ops);
      options.onCommit?.(ops.length);
      return results;
    },
    { maxBatch: options.maxBatch, ...(options.defer ? { defer: options.defer } : {}) },
  );
  return {
    async run<T>(op: () => T): Promise<T> {
      const result = await writer.submit(op);
      if (!result.ok) throw result.error;
      return result.value as T;
    },
    flush: () => writer.flush(),
    close: () => writer.close(),
  };
}
