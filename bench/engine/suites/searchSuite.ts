import fs from 'node:fs';
import type { IndexConfig } from '../../../electron/core/search/index/indexConfig';
import { indexVersion } from '../../../electron/core/search/index/indexConfig';
import type { Corpus, CorpusMessage } from '../corpus/generateCorpus';
import { createBenchDb, searchIndexBytes } from '../harness/benchDb';
import { mib, percentiles, stopwatch, type Percentiles } from '../harness/stats';
import { queryOf, referenceMatcher } from '../scan/referenceMatch';
import { sampleQueries, type QueryClass, type SampledQuery } from '../scan/sampleQueries';
import { createCorpusWriter } from '../store/corpusWriter';

export type SearchSuiteOptions = Readonly<{
  file: string;
  config: IndexConfig;
  corpus: Corpus;
  messages: readonly CorpusMessage[];
  batchSize: number;
  queriesPerClass: number;
  scanQueriesPerClass: number;
  recallQueriesPerClass: number;
  pageSize: number;
  log(line: string): void;
}>;

export type ClassResult = {
  /** Per query the best of three runs: the cost of the query itself, without the waits a loaded machine adds. */
  index: Percentiles;
  /** Every run of every query, as measured. */
  indexRaw: Percentiles;
  scan: Percentiles;
  recall: number;
  precision: number;
  recallQueries: number;
  meanHits: number;
};

/**
 * Ingest, index size, per-class latency next to a brute-force scan in the same process, and
 * recall against that scan, for one index configuration.
 */
export function runSearchSuite(o: SearchSuiteOptions) {
  // The store alone on the first messages, in the same process: what the index adds to a sync batch.
  const baselineCount = Math.min(o.messages.length, 200_000);
  const baseline = createBenchDb(`${o.file}-store-only`, o.config);
  const storeOnly = createCorpusWriter(baseline.db, o.corpus.me);
  const baselineTime = stopwatch();
  for (let i = 0; i < baselineCount; i += o.batchSize)
    storeOnly.write(o.messages.slice(i, Math.min(i + o.batchSize, baselineCount)));
  const storeOnlyMs = baselineTime();
  baseline.db.close();

  const { db, engine, indexer } = createBenchDb(o.file, o.config);
  const writer = createCorpusWriter(db, o.corpus.me, indexer);
  const rowIdOf = new Map<string, number>();
  let indexedAtBaselineMs = 0;

  o.log(`[${indexVersion(o.config)}] ingest ${o.messages.length} messages in batches of ${o.batchSize}`);
  const batchTimes: number[] = [];
  const total = stopwatch();
  for (let i = 0; i < o.messages.length; i += o.batchSize) {
    const batch = o.messages.slice(i, i + o.batchSize);
    const t = stopwatch();
    writer.write(batch).forEach((rowId, j) => rowIdOf.set((batch[j] as CorpusMessage).fp, rowId));
    batchTimes.push(t());
    if (i + o.batchSize === baselineCount) indexedAtBaselineMs = total();
  }
  const ingestMs = total();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const rawTextBytes = o.messages.reduce((sum, m) => sum + Buffer.byteLength(m.text, 'utf8'), 0);
  const size = searchIndexBytes(db);
  const ingest = {
    messages: o.messages.length,
    seconds: Math.round(ingestMs) / 1000,
    messagesPerSecond: Math.round(o.messages.length / (ingestMs / 1000)),
    batch: percentiles(batchTimes),
    firstMessages: baselineCount,
    firstMessagesPerSecond: Math.round(baselineCount / ((indexedAtBaselineMs || ingestMs) / 1000)),
    storeOnlyFirstMessagesPerSecond: Math.round(baselineCount / (storeOnlyMs / 1000)),
  };
  o.log(
    `  ingest ${ingest.messagesPerSecond} msg/s; index ${mib(size.total)} MiB for ${mib(rawTextBytes)} MiB of text`,
  );

  const queries = sampleQueries(o.messages, o.corpus.chinese, o.corpus.english, o.queriesPerClass);
  const byClass = new Map<QueryClass, SampledQuery[]>();
  for (const q of queries) byClass.set(q.cls, [...(byClass.get(q.cls) ?? []), q]);
  const newestFirst = [...o.messages].reverse();
  const search = (q: SampledQuery, limit: number) =>
    engine.messages({
      query: queryOf(q.terms),
      asYouType: false,
      filters: q.conversationId === undefined ? {} : { conversationId: q.conversationId },
      beforeKey: null,
      limit,
    });
  const scanMatcher = (q: SampledQuery) => {
    const matches = referenceMatcher(q.terms);
    return (m: CorpusMessage) =>
      (q.conversationId === undefined || m.conversationId === q.conversationId) && matches(m.text);
  };

  // Warm the page cache and the statement cache the way a running app would be.
  for (const q of queries.slice(0, 40)) search(q, o.pageSize);

  const classes: Partial<Record<QueryClass, ClassResult>> = {};
  for (const [cls, list] of byClass) {
    const raw: number[] = [];
    const best = list.map((q) => {
      let min = Infinity;
      for (let run = 0; run < 3; run++) {
        const t = stopwatch();
        search(q, o.pageSize);
        const ms = t();
        raw.push(ms);
        min = Math.min(min, ms);
      }
      return min;
    });
    const scanTimes = list.slice(0, o.scanQueriesPerClass).map((q) => {
      const match = scanMatcher(q);
      const t = stopwatch();
      let found = 0;
      for (const m of newestFirst) if (match(m) && ++found >= o.pageSize) break;
      return t();
    });
    let expectedTotal = 0;
    let foundTotal = 0;
    let agreed = 0;
    for (const q of list.slice(0, o.recallQueriesPerClass)) {
      const match = scanMatcher(q);
      const expected = new Set<number>();
      for (const m of o.messages) if (match(m)) expected.add(rowIdOf.get(m.fp) as number);
      const found = new Set(search(q, 10_000_000).hits.map((h) => rowIdOf.get(h.message.id) as number));
      expectedTotal += expected.size;
      foundTotal += found.size;
      for (const id of found) if (expected.has(id)) agreed++;
    }
    const recallQueries = Math.min(list.length, o.recallQueriesPerClass);
    classes[cls] = {
      index: percentiles(best),
      indexRaw: percentiles(raw),
      scan: percentiles(scanTimes),
      recall: expectedTotal === 0 ? 1 : Math.round((agreed / expectedTotal) * 10000) / 10000,
      precision: foundTotal === 0 ? 1 : Math.round((agreed / foundTotal) * 10000) / 10000,
      recallQueries,
      meanHits: Math.round(expectedTotal / Math.max(1, recallQueries)),
    };
    const r = classes[cls];
    o.log(
      `  ${cls.padEnd(12)} index p50 ${r.index.p50} p95 ${r.index.p95} p99 ${r.index.p99} ms (raw p99 ${r.indexRaw.p99}) | scan p50 ${r.scan.p50} p99 ${r.scan.p99} ms | recall ${r.recall} (${r.meanHits} hits/query)`,
    );
  }
  const rssMiB = mib(process.memoryUsage().rss);
  db.close();
  return {
    indexVersion: indexVersion(o.config),
    config: o.config,
    ingest,
    size: {
      rawTextMiB: mib(rawTextBytes),
      indexMiB: mib(size.total),
      ratioToText: Math.round((size.total / rawTextBytes) * 100) / 100,
      byTableMiB: Object.fromEntries(Object.entries(size.byTable).map(([k, v]) => [k, mib(v)])),
      dbFileMiB: mib(fs.statSync(o.file).size),
    },
    classes,
    rssAfterQueriesMiB: rssMiB,
  };
}

export type SearchSuiteResult = ReturnType<typeof runSearchSuite>;
