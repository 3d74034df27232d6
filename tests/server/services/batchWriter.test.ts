import { describe, expect, it } from 'vitest';
import { createBatchWriter } from '../../../server/services/batchWriter';

/** A deferral the test fires by hand, so batching is observed without timing. */
function manualDefer() {
  const queued: (() => void)[] = [];
  return {
    defer: (run: () => void) => void queued.push(run),
    fire: () => queued.splice(0).forEach((run) => run()),
  };
}

describe('batch writer', () => {
  it('commits everything submitted in one turn as one batch and settles each with its own result', async () => {
    const batches: number[][] = [];
    const turn = manualDefer();
    const writer = createBatchWriter<number, string>(
      (items) => (batches.push([...items]), items.map((n) => `r${n}`)),
      {
        maxBatch: 100,
        defer: turn.defer,
      },
    );
    const results = [1, 2, 3].map((n) => writer.submit(n));
    expect(batches).toEqual([]); // nothing commits before the turn ends
    turn.fire();
    expect(await Promise.all(results)).toEqual(['r1', 'r2', 'r3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('commits at once when a batch is full', async () => {
    const batches: number[][] = [];
    const turn = manualDefer();
    const writer = createBatchWriter<number, number>((items) => (batches.push([...items]), items), {
      maxBatch: 2,
      defer: turn.defer,
    });
    const results = [1, 2, 3].map((n) => writer.submit(n));
    expect(batches).toEqual([[1, 2]]);
    turn.fire();
    expect(await Promise.all(results)).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('rejects every item of a batch whose commit throws, and keeps working', async () => {
    const turn = manualDefer();
    let fail = true;
    const writer = createBatchWriter<number, number>(
      (items) => {
        if (fail) throw new Error('disk full');
        return items;
      },
      { maxBatch: 10, defer: turn.defer },
    );
    const doomed = [writer.submit(1), writer.submit(2)];
    turn.fire();
    for (const promise of doomed) await expect(promise).rejects.toThrow('disk full');
    fail = false;
    const ok = writer.submit(3);
    turn.fire();
    expect(await ok).toBe(3);
  });

  it('close() commits what is queued and refuses later items', async () => {
    const turn = manualDefer();
    const writer = createBatchWriter<number, number>((items) => items, { maxBatch: 10, defer: turn.defer });
    const queued = writer.submit(7);
    writer.close();
    expect(await queued).toBe(7);
    await expect(writer.submit(8)).rejects.toThrow(/closed/);
  });
});
