import { describe, expect, it } from 'vitest';
import { bigramDocument } from '../../../../../electron/core/search/text/bigramDocument';
import { ftsDocument } from '../../../../../electron/core/search/text/ftsText';
import { tokenize } from '../../../../../electron/core/search/text/tokenize';

/** The definition the fast path must match: the shared tokenizer, then pairs. */
const reference = (text: string) => ftsDocument(tokenize(text), 'bigram', false);

/** Deterministic (mulberry32), so a failure names a reproducible string. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces chosen for the edges of the scanner: every class, marks after CJK and alone, folds that
// change length or vanish, astral characters, lone surrogates, the private-use markers.
const PIECES = [
  ...'abcXYZ019',
  'Hello',
  'CAFÉ',
  'naïve',
  '我',
  '们',
  '明天',
  '见',
  '々',
  'ー',
  'カタ',
  'ｶ',
  'ひら',
  '한국',
  '\u302E',
  '\uF900',
  '\u2F00',
  '𠀀',
  '𠀁',
  '\uFE0F',
  '\u0301',
  '\u{E0100}',
  'ＡＢ１',
  'ﬁ',
  'ß',
  'İ',
  'Ⅻ',
  '①',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u3000',
  '\u00A0',
  '，',
  '。',
  '！',
  '…',
  '.',
  '-',
  '@',
  '#',
  '/',
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  '🇨🇳',
  '\uE000',
  '\uE001',
  '\uD800',
  '\uDC00',
  'https://example.com/a?b=1',
];

describe('bigramDocument', () => {
  it('equals the tokenizer-based document on hand-picked text', () => {
    for (const text of [
      '',
      '你好世界，hi再见再见',
      '我用iPhone拍的Café照片',
      '你好 世界',
      '用 iPhone 拍',
      '…开头和结尾。',
      'hello, world 👍🏽 ok',
      'x𠀀𠀁y',
      '中\uFE0F文',
      '中 \u0301文',
      '\u0301\u0301',
      'a\u0301b 中\u302E文',
      '＃ＡＢＣ１２３ naïve ﬁle',
      '\uE001c123 real',
    ]) {
      expect(bigramDocument(text), JSON.stringify(text)).toBe(reference(text));
    }
    expect(bigramDocument('你好世界，hi再见再见')).toBe('你好 好世 世界 界 hi 再见 见再 见');
  });

  it('equals the tokenizer-based document on 20,000 random mixtures', () => {
    const next = random(7);
    for (let n = 0; n < 20_000; n++) {
      const count = 1 + Math.floor(next() * 12);
      let text = '';
      for (let k = 0; k < count; k++) text += PIECES[Math.floor(next() * PIECES.length)];
      expect(bigramDocument(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('equals it on random code points from every plane that holds text', () => {
    const next = random(11);
    const ranges: Array<[number, number]> = [
      [0x20, 0x2ff],
      [0x300, 0x36f],
      [0x2e80, 0x9fff],
      [0xac00, 0xd7a3],
      [0xd800, 0xdfff],
      [0xe000, 0xe002],
      [0xf900, 0xffff],
      [0x1f300, 0x1faff],
      [0x20000, 0x2a6df],
      [0xe0100, 0xe01ef],
    ];
    for (let n = 0; n < 5_000; n++) {
      let text = '';
      const count = 1 + Math.floor(next() * 10);
      for (let k = 0; k < count; k++) {
        const [lo, hi] = ranges[Math.floor(next() * ranges.length)] as [number, number];
        text += String.fromCodePoint(lo + Math.floor(next() * (hi - lo + 1)));
      }
      expect(bigramDocument(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
