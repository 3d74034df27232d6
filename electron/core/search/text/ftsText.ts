import type { Token } from './tokenize';

/**
 * How CJK text becomes FTS5 tokens.
 * - `unigram`: every character is a token.
 * - `bigram`: every pair of neighbouring characters in a run is a token, and the last
 *   character of each run stands alone too, so every character still starts a token (a
 *   one-character query is the prefix query `字*`). Pairs are far rarer than characters, which
 *   makes words, long phrases and ANDs cheap; see bench/engine/results for the measurements.
 *
 * The index keeps no positions (`detail=none`, the default): a term is the AND of its tokens,
 * and every candidate row is then checked against the token stream (query/matchRanges.ts),
 * which is where adjacency and punctuation boundaries are enforced, so boundaries need no
 * token. The measured alternative with positions writes a boundary token and asks for phrases.
 */
export type CjkMode = 'unigram' | 'bigram';

/**
 * Stands for a boundary in an index with positions (`detail=full`, measured as the
 * alternative): a private-use character, which the tokenizer never lets through from text, so
 * a phrase can cross a boundary only where the query has one too.
 */
export const SEP_TOKEN = '\uE000';

/**
 * The document string for FTS5, tokens already folded and separated by spaces: without
 * positions the distinct tokens; with positions every token in order, boundaries included.
 */
export function ftsDocument(tokens: readonly Token[], mode: CjkMode, positions = false): string {
  const out: string[] = [];
  const count = tokens.length;
  for (let i = 0; i < count; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'sep') {
      if (positions) out.push(SEP_TOKEN);
    } else if (token.kind === 'word' || mode === 'unigram') out.push(token.norm);
    else {
      const next = tokens[i + 1];
      out.push(next !== undefined && next.kind === 'cjk' ? token.norm + next.norm : token.norm);
    }
  }
  return (positions ? out : [...new Set(out)]).join(' ');
}

/** One FTS5 token of a query, maybe a prefix. */
export type FtsToken = Readonly<{ token: string; prefix: boolean }>;

/**
 * The FTS5 tokens a row must hold to contain one query term. In bigram mode a CJK run that
 * ends the term yields only its pairs (the text may go on after it), a run that something
 * follows yields its pairs and its last character (the text's run ends there too), and a lone
 * character at the end is a prefix. A Latin prefix applies only when the term ends with a word.
 */
export function ftsTokens(
  tokens: readonly Token[],
  mode: CjkMode,
  wantPrefix: boolean,
  positions = false,
): FtsToken[] {
  const out: FtsToken[] = [];
  const lastIndex = tokens.length - 1;
  for (let i = 0; i <= lastIndex; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'sep') {
      if (positions) out.push({ token: SEP_TOKEN, prefix: false });
      continue;
    }
    if (token.kind === 'word') {
      out.push({ token: token.norm, prefix: wantPrefix && i === lastIndex });
      continue;
    }
    if (mode === 'unigram') {
      out.push({ token: token.norm, prefix: false });
      continue;
    }
    const next = tokens[i + 1];
    if (next?.kind === 'cjk') out.push({ token: token.norm + next.norm, prefix: false });
    else if (next !== undefined) out.push({ token: token.norm, prefix: false });
    else if (i === 0 || tokens[i - 1]?.kind !== 'cjk') out.push({ token: token.norm, prefix: true });
  }
  return out;
}

const quote = (token: string) => token.replaceAll('"', '""');

/** FTS5 syntax for one token. Tokens hold only letters and digits (and the private-use markers); quoting is still done right. */
export function ftsTokenSyntax(t: FtsToken): string {
  return t.prefix ? `"${quote(t.token)}" *` : `"${quote(t.token)}"`;
}

/** FTS5 syntax for tokens that must be adjacent (an index with positions); only the last can be a prefix. */
export function ftsPhraseSyntax(tokens: readonly FtsToken[]): string {
  const body = `"${tokens.map((t) => quote(t.token)).join(' ')}"`;
  return tokens[tokens.length - 1]?.prefix === true ? `${body} *` : body;
}
