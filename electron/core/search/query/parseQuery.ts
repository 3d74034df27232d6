import { tokenize, type Token } from '../text/tokenize';

/** One term of a query: a phrase of tokens that must appear together, maybe ending in a prefix. */
export type QueryTerm = Readonly<{ tokens: readonly Token[]; prefix: boolean }>;

/** All terms must match (AND). An empty list is a query that matches nothing. */
export type ParsedQuery = Readonly<{ terms: readonly QueryTerm[] }>;

export type ParseOptions = Readonly<{
  /** Search-as-you-type: the last term is a prefix unless the input ends with a space or a closed quote. */
  asYouType?: boolean;
}>;

/** Beyond this a query is not a search but an accident (or an attack on the planner). */
export const MAX_TERMS = 16;

const QUOTE_OPEN = new Set(['"', '\u201C', '\u300C']);
const QUOTE_CLOSE = new Set(['"', '\u201D', '\u300D']);

type RawTerm = { text: string; quoted: boolean; closed: boolean; star: boolean };

/**
 * Splits user input into terms: whitespace separates terms, "double quotes" (also “…” and
 * 「…」) keep a phrase together, a trailing `*` asks for a prefix, and a bare `AND` is the
 * implicit operator. Everything else is text: the parser produces tokens, never FTS5 syntax,
 * so no input can inject an operator, a column filter or a NEAR group.
 */
export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const raw = splitTerms(input);
  const terms: QueryTerm[] = [];
  raw.forEach((term, index) => {
    if (!term.quoted && term.text === 'AND') return;
    const tokens = tokenize(term.text);
    if (tokens.length === 0) return;
    const isLast = index === raw.length - 1;
    const open = term.quoted ? !term.closed : !/\s$/u.test(input);
    const prefix = term.star || (options.asYouType === true && isLast && open);
    terms.push({ tokens, prefix });
  });
  return { terms: terms.slice(0, MAX_TERMS) };
}

function splitTerms(input: string): RawTerm[] {
  const terms: RawTerm[] = [];
  const chars = Array.from(input);
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (QUOTE_OPEN.has(c)) {
      let j = i + 1;
      while (j < chars.length && !QUOTE_CLOSE.has(chars[j] as string)) j++;
      const closed = j < chars.length;
      let k = closed ? j + 1 : j;
      let star = false;
      while (k < chars.length && chars[k] === '*') {
        star = true;
        k++;
      }
      terms.push({ text: chars.slice(i + 1, j).join(''), quoted: true, closed, star });
      i = k;
      continue;
    }
    let j = i;
    while (j < chars.length && !/\s/u.test(chars[j] as string) && !QUOTE_OPEN.has(chars[j] as string)) j++;
    let text = chars.slice(i, j).join('');
    const star = text.endsWith('*');
    if (star) text = text.replace(/\*+$/u, '');
    terms.push({ text, quoted: false, closed: true, star });
    i = j;
  }
  return terms;
}
