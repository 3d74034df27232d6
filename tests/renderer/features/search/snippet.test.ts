import { describe, expect, it } from 'vitest';
import { normaliseRanges, snippetSegments } from '../../../../renderer/src/features/search/snippet';

const join = (segments: ReturnType<typeof snippetSegments>) =>
  segments.map((s) => (s.marked ? `[${s.text}]` : s.text)).join('');

describe('snippetSegments', () => {
  it('marks every range of a short text and keeps the rest as plain runs', () => {
    expect(join(snippetSegments('我们明天去北京吧', [{ start: 5, end: 7 }]))).toBe('我们明天去[北京]吧');
    expect(
      join(
        snippetSegments('tea and more tea', [
          { start: 13, end: 16 },
          { start: 0, end: 3 },
        ]),
      ),
    ).toBe('[tea] and more [tea]');
  });

  it('merges overlapping ranges and drops empty or out-of-bounds ones', () => {
    expect(
      normaliseRanges(
        [
          { start: 2, end: 5 },
          { start: 4, end: 8 },
          { start: 9, end: 9 },
          { start: 20, end: 30 },
        ],
        10,
      ),
    ).toEqual([{ start: 2, end: 8 }]);
  });

  it('cuts a long text to a window around the first match with ellipses on both cut ends', () => {
    const text = `${'a'.repeat(200)}needle${'b'.repeat(200)}`;
    const segments = snippetSegments(text, [{ start: 200, end: 206 }], 60);
    expect(segments[0]).toEqual({ text: '…', marked: false });
    expect(segments[segments.length - 1]).toEqual({ text: '…', marked: false });
    expect(segments.find((s) => s.marked)?.text).toBe('needle');
    const shown = segments.slice(1, -1).reduce((n, s) => n + s.text.length, 0);
    expect(shown).toBe(60);
  });

  it('never splits an emoji when it cuts', () => {
    const text = `${'😀'.repeat(100)}x`;
    const segments = snippetSegments(text, [{ start: 200, end: 201 }], 40);
    const shown = segments
      .filter((s) => s.text !== '…')
      .map((s) => s.text)
      .join('');
    expect(shown.charCodeAt(0)).toBeGreaterThanOrEqual(0xd800);
    expect(shown.charCodeAt(0)).toBeLessThan(0xdc00);
    expect(shown.endsWith('x')).toBe(true);
  });

  it('shows a text without matches from its start', () => {
    expect(join(snippetSegments('plain words', []))).toBe('plain words');
  });
});
