import type { CjkMode } from '../text/ftsText';

/**
 * What the index is built with. Any change here changes `indexVersion`, which is stored in
 * `search_meta` apart from the engine's schema version: a different version on open drops the
 * index and rebuilds it in the background from the messages.
 */
export type IndexConfig = Readonly<{
  cjkMode: CjkMode;
  /** FTS5 prefix indexes, in characters: `1` serves one-character CJK prefixes in bigram mode. */
  prefix: readonly number[];
  /** `detail=full` and phrase queries (measured alternative) instead of `detail=none` and checking rows. */
  positions: boolean;
}>;

/** Bumped when the tokenization rules in text/ or the FTS5 table's options change. */
const FORMAT = 4;

/**
 * The choice measured in bench/engine/results/README.md: CJK pairs, no positions, and a
 * one-character prefix index, so the first keystroke of a Chinese search is as fast as a word.
 */
export const defaultIndexConfig: IndexConfig = { cjkMode: 'bigram', prefix: [1], positions: false };

export function indexVersion(config: IndexConfig): string {
  return `${FORMAT}/${config.cjkMode}/p${config.prefix.join('.') || '0'}/${config.positions ? 'full' : 'none'}`;
}
