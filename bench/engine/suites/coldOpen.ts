import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { createSearchEngine } from '../../../electron/core/search/engine/searchEngine';
import type { IndexConfig } from '../../../electron/core/search/index/indexConfig';
import { mib, stopwatch } from '../harness/stats';

export type ColdOpenResult = Readonly<{
  openToFirstResultMs: number;
  openMs: number;
  firstQueryMs: number;
  hits: number;
  rssMiB: number;
}>;

/** In a fresh process: open the account database and run one search, timing each step. */
export function coldOpenChild(file: string, config: IndexConfig, query: string): ColdOpenResult {
  const all = stopwatch();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const engine = createSearchEngine(db, config);
  engine.status();
  const openMs = all();
  const page = engine.messages({ query, asYouType: false, filters: {}, beforeKey: null, limit: 20 });
  const total = all();
  db.close();
  return {
    openToFirstResultMs: Math.round(total * 1000) / 1000,
    openMs: Math.round(openMs * 1000) / 1000,
    firstQueryMs: Math.round((total - openMs) * 1000) / 1000,
    hits: page.hits.length,
    rssMiB: mib(process.memoryUsage().rss),
  };
}

/** Runs coldOpenChild in new processes (the page cache stays warm: the OS is not restarted). */
export function measureColdOpen(
  mainBundle: string,
  file: string,
  config: IndexConfig,
  queries: readonly string[],
) {
  return queries.map((query) => {
    const out = execFileSync(process.execPath, [mainBundle, '--cold', file, JSON.stringify(config), query], {
      encoding: 'utf8',
    });
    return { query, ...(JSON.parse(out) as ColdOpenResult) };
  });
}
