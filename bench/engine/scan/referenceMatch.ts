/**
 * The brute-force reference that the index is measured against, written without the index's
 * tokenizer: a Chinese term is a plain substring of the text; an English term is a whole word
 * (case-insensitive, letters and digits around it that are not Chinese end it); a prefix term
 * is the start of such a word. All terms must match.
 */
export type ReferenceTerm = Readonly<{ kind: 'substring' | 'word' | 'prefix'; value: string }>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN_ALNUM = String.raw`[[\p{L}\p{N}]--\p{Script=Han}]`;

export function referenceMatcher(terms: readonly ReferenceTerm[]): (text: string) => boolean {
  const tests = terms.map((term): ((text: string) => boolean) => {
    if (term.kind === 'substring') return (text) => text.includes(term.value);
    const tail = term.kind === 'word' ? `(?!${LATIN_ALNUM})` : '';
    const re = new RegExp(`(?<!${LATIN_ALNUM})${escape(term.value)}${tail}`, 'iv');
    return (text) => re.test(text);
  });
  return (text) => tests.every((test) => test(text));
}

/** The query string a user would type for these terms. */
export function queryOf(terms: readonly ReferenceTerm[]): string {
  return terms.map((t) => (t.kind === 'prefix' ? `${t.value}*` : t.value)).join(' ');
}
