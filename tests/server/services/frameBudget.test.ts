import { describe, expect, it } from 'vitest';
import { dataContentBytes, fitPage, fitsInFrame, MAX_BODY_BYTES } from '../../../server/services/frameBudget';
import { MAX_FRAME_BYTES } from '../../../shared/protocol';

describe('frame budget', () => {
  it('counts the double encoding of a payload', () => {
    expect(dataContentBytes({ a: '"' })).toBe(JSON.stringify(JSON.stringify({ a: '"' })).length);
    expect(dataContentBytes({ a: 'é' })).toBe(JSON.stringify(JSON.stringify({ a: 'é' })).length + 1);
  });

  it('keeps the most items that fit, from the chosen end', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ i, pad: 'x'.repeat(4_000) }));
    const build = (page: readonly { i: number }[]) => ({ items: page });
    const head = fitPage(items, build, 'head');
    const tail = fitPage(items, build, 'tail');
    expect(head.length).toBeGreaterThan(5);
    expect(head.length).toBeLessThan(40);
    expect(fitsInFrame(build(head))).toBe(true);
    expect(fitsInFrame(build(items.slice(0, head.length + 1)))).toBe(false);
    expect(head[0]?.i).toBe(0);
    expect(tail.at(-1)?.i).toBe(39);
    expect(tail).toHaveLength(head.length);
    expect(fitPage([], build, 'head')).toEqual([]);
    const small = items.slice(0, 2);
    expect(fitPage(small, build, 'tail')).toEqual(small);
  });

  it('leaves room for one largest message in any reply', () => {
    expect(MAX_BODY_BYTES).toBeLessThan(MAX_FRAME_BYTES - 2_048);
  });
});
