/**
 * Group commit: collects items submitted during one event-loop turn (or until `maxBatch`),
 * hands them to `commit` together, and settles each submitter with its own result once the
 * batch has committed: one transaction per batch instead of one per message, without delaying
 * a lone message by more than a turn. (The write queue's results also carry when the batch is
 * on disk; batches committed while an fsync runs share the next one.)
 */
export type BatchWriter<In, Out> = Readonly<{
  submit(item: In): Promise<Out>;
  /** Commits whatever is queued now; later items batch as usual. */
  flush(): void;
  /** Commits whatever is queued, then refuses new items. */
  close(): void;
}>;

type Pending<In, Out> = { item: In; resolve(value: Out): void; reject(error: unknown): void };

export function createBatchWriter<In, Out>(
  commit: (items: readonly In[]) => readonly Out[],
  options: Readonly<{ maxBatch: number; defer?: (run: () => void) => void }>,
): BatchWriter<In, Out> {
  const defer = options.defer ?? ((run) => setImmediate(run));
  let queue: Pending<In, Out>[] = [];
  let scheduled = false;
  let closed = false;

  const flush = (): void => {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.slice(0, options.maxBatch);
      queue = queue.slice(batch.length);
      let results: readonly Out[];
      try {
        results = commit(batch.map((p) => p.item));
        if (results.length !== batch.length) throw new Error('commit returned the wrong number of results');
      } catch (error) {
        for (const p of batch) p.reject(error);
        continue;
      }
      batch.forEach((p, i) => p.resolve(results[i] as Out));
    }
  };

  return {
    submit(item) {
      if (closed) return Promise.reject(new Error('batch writer is closed'));
      return new Promise<Out>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length >= options.maxBatch) flush();
        else if (!scheduled) {
          scheduled = true;
          defer(() => {
            if (scheduled) flush();
          });
        }
      });
    },
    flush,
    close() {
      flush();
      closed = true;
    },
  };
}
