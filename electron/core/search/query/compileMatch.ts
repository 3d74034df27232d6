import { filterToken } from '../index/filterTokens';
import type { IndexConfig } from '../index/indexConfig';
import { ftsPhraseSyntax, ftsTokens, ftsTokenSyntax } from '../text/ftsText';
import type { ParsedQuery } from './parseQuery';

export type MatchFilters = Readonly<{ conversationId?: string; senderId?: string }>;

/**
 * The FTS5 MATCH expression for a parsed query: the AND of every token every term needs (of
 * each term's phrase, in an index with positions), and of the filter tokens. It finds candidates; adjacency and boundaries are checked on each row
 * afterwards. Only tokens the tokenizer produced (letters, digits) and filter hashes reach the
 * expression, each quoted; null when nothing searchable is left.
 */
export function compileMatch(
  query: ParsedQuery,
  config: IndexConfig,
  filters: MatchFilters = {},
): string | null {
  const parts = new Set<string>();
  for (const term of query.terms) {
    const tokens = ftsTokens(term.tokens, config.cjkMode, term.prefix, config.positions);
    if (tokens.length === 0) continue;
    if (config.positions) parts.add(ftsPhraseSyntax(tokens));
    else for (const token of tokens) parts.add(ftsTokenSyntax(token));
  }
  if (parts.size === 0) return null;
  if (filters.conversationId !== undefined)
    parts.add(`"${filterToken('conversation', filters.conversationId)}"`);
  if (filters.senderId !== undefined) parts.add(`"${filterToken('sender', filters.senderId)}"`);
  return [...parts].join(' AND ');
}
