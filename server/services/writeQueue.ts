import type { OpResult, Transactor } from '../storage/transactor';
import { createBatchWriter } from './batchWriter';

/**
 * Group commit for every write of the messaging core (messages, inbox events, read state,
 * recalls, device cursors): operations submitted in one event-loop turn share a transaction,
 * and each caller resumes only once its operation is committed and on disk. The commit is
 * written on the event loop; the fsync that makes it durable runs off it, shared by every
 * batch committed while the previous fsync ran (see storage/writer/walSync.ts).
 */
export type WriteQueue = Readonly<{
  /**
   * Runs `op` (synchronous repository calls) in the next batch's transaction, in its own
   * savepoint. Resolves with its result once the commit is durable; rejects with what `op`
   * threw (its writes rolled back) or with the commit's or the sync's error.
   */
  run<T>(op: () => T, options?: RunOptions): Promise<T>;
  /**
   * Commits whatever is queued now and waits (blocking) until every commit is durable, so the
   * callers resume in this tick's microtasks (shutdown: before the sockets close, so their
   * ACKs go out).
   */
  flush(): void;
  /** As `flush`; later `run`s reject. */
  close(): void;
}>;

export type RunOptions = Readonly<{
  /**
   * `op` only reads and writes through the repositories (and reads the clock): no other
   * effect, so it may run twice with the first run rolled back. Batches of such ops commit
   * without a savepoint per op (see Transactor.commitBatch).
   */
  rerunnable?: boolean;
}>;

type Queued = Readonly<{ op: () => unknown; rerunnable: boolean }>;
type Written = Readonly<{ result: OpResult; durable: Promise<void> }>;

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
    (items: readonly Queued[]): Written[] => {
      const { results, durable } = transactor.commitBatch(
        items.map((item) => item.op),
        items.every((item) => item.rerunnable),
      );
      options.onCommit?.(items.length);
      return results.map((result) => ({ result, durable }));
    },
    {
      maxBatch: options.maxBatch,
      // The next batch commits when the disk is free: at the end of this turn, or when the
      // running fsync returns with everything that arrived meanwhile (adaptive group commit).
      defer: options.defer ?? ((run) => transactor.whenIdle(run)),
    },
  );
  return {
    async run<T>(op: () => T, runOptions?: RunOptions): Promise<T> {
      const { result, durable } = await writer.submit({ op, rerunnable: runOptions?.rerunnable === true });
      // A failed op wrote nothing: its caller need not wait for the disk.
      if (!result.ok) throw result.error;
      await durable;
      return result.value as T;
    },
    flush() {
      writer.flush();
      transactor.syncNow();
    },
    close() {
      writer.close();
      transactor.close();
    },
  };
}
