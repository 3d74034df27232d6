import type { Database } from 'better-sqlite3';
import type { IndexConfig } from './indexConfig';

/**
 * The search tables. They hold derived data only; their format is `search_meta.index_version`,
 * and a change of it means "drop and rebuild", never "migrate".
 *
 * `search_fts` is contentless (`content=''`) with `contentless_delete=1`: the indexed text is
 * a transformed copy of the message (folded words, CJK pairs, filter tokens) that exists
 * nowhere else, so an external-content table would need a second stored copy to stay
 * deletable, while the message itself is read from `messages` for display, checking and
 * highlighting. Rows are deleted by rowid alone, which recall, delete and re-indexing need.
 *
 * `detail=none`: no positions. With CJK pairs as tokens a word or phrase is already a set of
 * rare tokens, so positions buy little and cost most of the index; each candidate row is
 * checked against the query instead (messageSearch.ts). Its rowid is the message's row id, so
 * there is no key map and FTS5 walks doclists newest-first (in the store's row order, which is
 * arrival order) and stops at the page size. bench/engine/results/README.md has the sizes and
 * latencies of the alternatives (positions, time-ordered keys, CJK characters instead of
 * pairs, prefix indexes).
 */
export function createSearchTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS search_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}

/** Drops and recreates the index itself (not its meta), empty. */
export function recreateFtsTable(db: Database, config: IndexConfig): void {
  // Integers from our own config: FTS5 options cannot be bound parameters.
  const prefix = config.prefix.filter((n) => Number.isInteger(n) && n > 0 && n < 10).join(' ');
  // `ascii`: documents and queries reach FTS5 as tokens the engine already folded
  // (text/tokenize.ts: lower case, no diacritics, only letters and digits, separated by spaces),
  // so FTS5 only has to split on spaces. unicode61 would fold them again, at a cost on every
  // insert, and could only make the candidates looser, never find more. Non-ASCII characters,
  // CJK and the private-use filter markers, are token characters for it.
  db.exec(`
    DROP TABLE IF EXISTS search_fts;
    CREATE VIRTUAL TABLE search_fts USING fts5(
      t,
      content = '', contentless_delete = 1, detail = ${config.positions ? 'full' : 'none'},
      tokenize = 'ascii'${prefix ? `, prefix = '${prefix}'` : ''}
    );
  `);
}
