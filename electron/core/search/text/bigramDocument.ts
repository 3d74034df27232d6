import { CJK_CLASS, foldCjk, foldWord } from './tokenize';

/**
 * The index document of a message in the default format (CJK pairs, no positions): exactly
 * `ftsDocument(tokenize(text), 'bigram')`, built in one pass over the code units without
 * token objects or a regular expression per match. Indexing runs once per stored message
 * inside the sync transaction, so this is on the ingest path; the query side and the
 * highlighter keep using `tokenize`, and tests hold the two equal on generated and random text.
 */

/** What a code point can be, as bits: the classes of `tokenize`'s scanner. */
const CJK = 1;
/** A combining mark: part of a word, or absorbed by the CJK character before it. */
const MARK = 2;
/** A letter or digit. */
const ALNUM = 4;
const SPACE = 8;
/** Set once the code point is classified (a code point of no class is a boundary). */
const KNOWN = 16;

const IS_CJK = new RegExp(`^[${CJK_CLASS}]$`, 'v');
const IS_MARK = /^\p{M}$/u;
const IS_ALNUM = /^[\p{L}\p{N}]$/u;
const IS_SPACE = /^\s$/u;

/** Classes by code point, filled on first sight of each one. */
let classes: Uint8Array | null = null;

function classOf(table: Uint8Array, cp: number): number {
  let bits = table[cp] as number;
  if (bits === 0) {
    const char = String.fromCodePoint(cp);
    bits =
      KNOWN |
      (IS_CJK.test(char) ? CJK : 0) |
      (IS_MARK.test(char) ? MARK : 0) |
      (IS_ALNUM.test(char) ? ALNUM : 0) |
      (IS_SPACE.test(char) ? SPACE : 0);
    table[cp] = bits;
  }
  return bits;
}

const isAsciiAlnum = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);

/** The distinct FTS5 tokens of `text` in the default index format, separated by spaces. */
export function bigramDocument(text: string): string {
  const table = (classes ??= new Uint8Array(0x110000));
  const seen = new Set<string>();
  // The previous token when it was a CJK character: it pairs with the next one if nothing is between.
  let pending: string | null = null;
  // What lies between the previous token and the next: nothing, only space, or a boundary.
  let gap: 'none' | 'space' | 'boundary' = 'none';
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && !isAsciiAlnum(c)) {
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
        if (gap === 'none') gap = 'space';
      } else gap = 'boundary';
      i++;
      continue;
    }
    const common = c >= 0x4e00 && c <= 0x9fff;
    const cp = common || c < 0x80 ? c : (text.codePointAt(i) as number);
    const bits = common ? CJK : c < 0x80 ? ALNUM : classOf(table, cp);
    if ((bits & CJK) !== 0) {
      const norm = common ? (text[i] as string) : foldCjk(String.fromCodePoint(cp));
      i += cp > 0xffff ? 2 : 1;
      // Marks after a CJK character (variation selectors) belong to it.
      while (i < length) {
        const next = text.codePointAt(i) as number;
        if (next < 0x300 || (classOf(table, next) & MARK) === 0) break;
        i += next > 0xffff ? 2 : 1;
      }
      if (pending !== null) seen.add(gap === 'none' ? pending + norm : pending);
      pending = norm;
      gap = 'none';
    } else if ((bits & (ALNUM | MARK)) !== 0) {
      const end = wordEnd(text, i, table);
      const norm = foldRun(text, i, end);
      i = end;
      if (norm === '') continue; // not a token: the gap stays as it was
      if (pending !== null) seen.add(pending);
      pending = null;
      seen.add(norm);
      gap = 'none';
    } else {
      if ((bits & SPACE) !== 0) {
        if (gap === 'none') gap = 'space';
      } else gap = 'boundary';
      i += cp > 0xffff ? 2 : 1;
    }
  }
  if (pending !== null) seen.add(pending);
  return [...seen].join(' ');
}

/** Where the run of letters, digits and marks (no CJK) that starts at `start` ends. */
function wordEnd(text: string, start: number, table: Uint8Array): number {
  const length = text.length;
  let i = start;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (!isAsciiAlnum(c)) break;
      i++;
      continue;
    }
    if (c >= 0x4e00 && c <= 0x9fff) break;
    const cp = text.codePointAt(i) as number;
    const bits = classOf(table, cp);
    if ((bits & CJK) !== 0 || (bits & (ALNUM | MARK)) === 0) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** The folded form of a word, as `tokenize` folds it. */
function foldRun(text: string, start: number, end: number): string {
  const run = text.slice(start, end);
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) >= 0x80) return foldWord(run);
  return run.toLowerCase();
}
