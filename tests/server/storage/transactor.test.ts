import { describe, expect, it } from 'vitest';
import { coreDb } from './coreDb';

describe('transactor', () => {
  it('runs operations in one transaction, rolling back a failing one alone', () => {
    const { transactor, inbox, alice, direct } = coreDb();
    const append = (readSeq: number) => () =>
      inbox.append(alice, { type: 'read', conversationId: direct, readSeq }, 1).seq;
    const results = transactor.runBatch([
      append(1),
      () => {
        append(2)();
        throw new Error('boom');
      },
      append(3),
    ]);
    expect(results).toEqual([
      { ok: true, value: 1 },
      { ok: false, error: new Error('boom') },
      { ok: true, value: 2 }, // the failed op's seq was rolled back with it: no gap
    ]);
    expect(inbox.page(alice, 0, 10).map((e) => e.event.seq)).toEqual([1, 2]);
  });
});
