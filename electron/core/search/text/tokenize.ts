/**
 * The one model of searchable text that the index, the query parser, the highlighter and the
 * tests share: a stream of tokens with their UTF-16 ranges in the original string.
 *
 * - every CJK character (Han, kana, hangul) is a token of its own (`cjk`);
 * - any other run of letters, digits and combining marks is a `word`, folded (NFKD, marks
 *   removed, lower case) so that `Café`, `CAFE` and full-width `ＣＡＦＥ` are the same token;
 * - punctuation, symbols and emoji between two tokens become one `sep`, and so does whitespace
 *   between two CJK characters: a phrase never matches across a `sep` unless the query has
 *   one at the same place.
 */
export type TokenKind = 'cjk' | 'word' | 'sep';

export type Token = Readonly<{
  kind: TokenKind;
  /** The folded form compared and indexed; '' for `sep`. */
  norm: string;
  /** UTF-16 offsets into the original text (`end` exclusive). */
  start: number;
  end: number;
}>;

export const CJK_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3006\u30FC`;

/**
 * One pass over the text: a CJK character with the marks that follow it (variation selectors),
 * a word, whitespace, or any other single code point (a boundary).
 */
const SCAN = new RegExp(
  String.raw`([${CJK_CLASS}]\p{M}*)|([[\p{L}\p{N}\p{M}]--[${CJK_CLASS}]]+)|(\s+)|([^])`,
  'gv',
);
const ASCII = /^[\p{ASCII}]*$/u;
const MARKS = /\p{M}/gu;
const NOT_ALNUM = /[^\p{L}\p{N}]/gu;
const IS_CJK = new RegExp(`^[${CJK_CLASS}]$`, 'v');

/** Lower case, compatibility forms and diacritics folded; empty when nothing searchable is left. */
export function foldWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_ALNUM, '');
}

/** Compatibility ideographs, radicals and half-width kana become their unified character. */
export function foldCjk(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const base = String.fromCodePoint(code);
  if (code >= 0x4e00 && code <= 0x9fff) return base;
  const folded = base.normalize('NFKC');
  return IS_CJK.test(folded) ? folded : base;
}

/** The token stream of `text`; see the file comment for the rules. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // What lies between the previous token and the next one: nothing, only space, or a boundary.
  let gap: 'none' | 'space' | 'boundary' = 'none';
  let gapStart = 0;
  for (const match of text.matchAll(SCAN)) {
    const start = match.index;
    const end = start + match[0].length;
    const cjk = match[1];
    const word = match[2];
    if (cjk === undefined && word === undefined) {
      if (gap === 'none') gapStart = start;
      if (match[3] !== undefined) {
        if (gap === 'none') gap = 'space';
      } else {
        gap = 'boundary';
      }
      continue;
    }
    const norm = cjk !== undefined ? foldCjk(cjk) : foldWord(word ?? '');
    if (norm === '') continue;
    const kind: TokenKind = cjk !== undefined ? 'cjk' : 'word';
    const previous = tokens[tokens.length - 1];
    if (previous !== undefined) {
      const cjkSpace = gap === 'space' && kind === 'cjk' && previous.kind === 'cjk';
      if (gap === 'boundary' || cjkSpace) tokens.push({ kind: 'sep', norm: '', start: gapStart, end: start });
    }
    tokens.push({ kind, norm, start, end });
    gap = 'none';
  }
  return tokens;
}
