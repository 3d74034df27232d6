import { describe, expect, it } from 'vitest';
import { defaultIndexConfig } from '../../../../electron/core/search/index/indexConfig';
import { compileMatch } from '../../../../electron/core/search/query/compileMatch';
import { matchRanges } from '../../../../electron/core/search/query/matchRanges';
import { parseQuery } from '../../../../electron/core/search/query/parseQuery';
import { ftsDocument } from '../../../../electron/core/search/text/ftsText';
import { tokenize } from '../../../../electron/core/search/text/tokenize';

const norms = (text: string) => tokenize(text).map((t) => (t.kind === 'sep' ? '|' : t.norm));
const slices = (text: string, query: string) =>
  matchRanges(text, parseQuery(query)).map((r) => text.slice(r.start, r.end));

describe('tokenize', () => {
  it('makes every CJK character a token and folds Latin words', () => {
    expect(norms('我用iPhone拍的Café照片')).toEqual(['我', '用', 'iphone', '拍', '的', 'cafe', '照', '片']);
    expect(norms('ＡＢＣ１２３ naïve ﬁle')).toEqual(['abc123', 'naive', 'file']);
  });

  it('puts one boundary where punctuation, symbols or emoji separate tokens', () => {
    expect(norms('你好，世界！！')).toEqual(['你', '好', '|', '世', '界']);
    expect(norms('hello, world 👍🏽 ok')).toEqual(['hello', '|', 'world', '|', 'ok']);
    expect(norms('…开头和结尾。')).toEqual(['开', '头', '和', '结', '尾']);
  });

  it('treats space between two CJK characters as a boundary but not space beside Latin', () => {
    expect(norms('你好 世界')).toEqual(['你', '好', '|', '世', '界']);
    expect(norms('用 iPhone 拍')).toEqual(['用', 'iphone', '拍']);
  });

  it('turns a private-use character (the separator token itself) into a boundary', () => {
    expect(norms('a\uE000b\uE001c')).toEqual(['a', '|', 'b', '|', 'c']);
  });

  it('gives UTF-16 ranges of the original text, astral characters included', () => {
    const text = '😀𠀀好a';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['𠀀', '好', 'a']);
  });
});

describe('ftsDocument', () => {
  it('writes unigrams or bigrams with the last character of each run alone, once each', () => {
    const tokens = tokenize('你好世界，hi再见再见');
    expect(ftsDocument(tokens, 'unigram')).toBe('你 好 世 界 hi 再 见');
    expect(ftsDocument(tokens, 'bigram')).toBe('你好 好世 世界 界 hi 再见 见再 见');
  });
});

describe('parseQuery and compileMatch', () => {
  const compile = (q: string, asYouType = false) =>
    compileMatch(parseQuery(q, { asYouType }), defaultIndexConfig);

  it('turns CJK terms into pairs, a run before more text into its last character, and a lone character into a prefix', () => {
    expect(compile('你好世界')).toBe('"你好" AND "好世" AND "世界"');
    expect(compile('好')).toBe('"好" *');
    expect(compile('你好 abc')).toBe('"你好" AND "abc"');
    expect(compile('"你好abc"')).toBe('"你好" AND "好" AND "abc"');
  });

  it('makes the last word a prefix while typing, and a trailing * a prefix always', () => {
    expect(compile('hello wor', true)).toBe('"hello" AND "wor" *');
    expect(compile('hello wor ', true)).toBe('"hello" AND "wor"');
    expect(compile('wor* hello')).toBe('"wor" * AND "hello"');
  });

  it('asks for phrases with boundary tokens in an index with positions', () => {
    const full = { ...defaultIndexConfig, positions: true };
    expect(compileMatch(parseQuery('你好世界 example.com hel*'), full)).toBe(
      '"你好 好世 世界" AND "example \uE000 com" AND "hel" *',
    );
    expect(ftsDocument(tokenize('你好，世界'), 'bigram', true)).toBe('你好 好 \uE000 世界 界');
  });

  it('never lets input reach FTS5 as syntax', () => {
    for (const evil of [
      'a OR b',
      'NEAR(a b)',
      '{m} : c1',
      'a" OR "b',
      '"unterminated',
      '^start',
      'col:val',
      "x'); DROP TABLE messages; --",
      '*',
      '(((',
      'NOT a',
      '\u0000\uE000\uE001',
    ]) {
      const match = compile(evil, true);
      if (match === null) continue;
      // Only quoted tokens of letters and digits joined by AND.
      expect(match).toMatch(/^"[\p{L}\p{N}]+"( \*)?( AND "[\p{L}\p{N}]+"( \*)?)*$/u);
    }
    expect(compile('!!! 👍')).toBeNull();
    expect(compile('AND')).toBeNull();
  });

  it('adds filters as marked tokens no text can produce', () => {
    const match = compileMatch(parseQuery('hi'), defaultIndexConfig, { conversationId: 'c', senderId: 's' });
    expect(match).toMatch(/^"hi" AND "\uE001c[0-9a-z]+" AND "\uE001s[0-9a-z]+"$/u);
  });
});

describe('matchRanges', () => {
  it('finds CJK words inside unspaced text and ranges around emoji', () => {
    expect(slices('👨‍👩‍👧我们明天去吃饭吧😀明天见', '明天')).toEqual(['明天', '明天']);
    const text = '👨‍👩‍👧我们明天去吃饭吧';
    const [range] = matchRanges(text, parseQuery('吃饭'));
    expect(range).toEqual({ start: text.indexOf('吃饭'), end: text.indexOf('吃饭') + 2 });
  });

  it('does not match across punctuation or across space between CJK runs', () => {
    expect(slices('你好，世界', '好世')).toEqual([]);
    expect(slices('你好 世界', '好世')).toEqual([]);
    expect(slices('hello, world', '"hello world"')).toEqual([]);
    expect(slices('hello world', '"hello world"')).toEqual(['hello world']);
  });

  it('matches a query with punctuation only where the text has punctuation there', () => {
    expect(slices('see example.com now', 'example.com')).toEqual(['example.com']);
    expect(slices('example com', 'example.com')).toEqual([]);
  });

  it('folds case and diacritics and highlights the whole word of a prefix', () => {
    expect(slices('Le CAFÉ est là', 'cafe')).toEqual(['CAFÉ']);
    expect(slices('Hello there', 'hel*')).toEqual(['Hello']);
  });

  it('handles astral CJK characters', () => {
    const text = 'x𠀀𠀁y';
    expect(slices(text, '𠀀𠀁')).toEqual(['𠀀𠀁']);
  });
});
