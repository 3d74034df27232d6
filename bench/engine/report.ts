import type { SearchSuiteResult } from './suites/searchSuite';

type Report = Readonly<{
  date: string;
  command: string;
  machine: {
    before: { loadavg: number[]; cpus: number; cpuModel: string; node: string };
    after: { loadavg: number[] };
  };
  corpus: { messages: number; conversations: number };
  runs: ReadonlyArray<
    SearchSuiteResult & {
      name: string;
      coldOpen: ReadonlyArray<{ query: string; openToFirstResultMs: number; rssMiB: number }>;
    }
  >;
  eventLoopLag: null | {
    messages: number;
    messagesPerSecond: number;
    searchesDuringIngest: number;
    searchRoundTripMs: { p50: number; p99: number };
    hostLagMs: { p50: number; p99: number; max: number };
    hostLagInThreadMs: { p50: number; p99: number; max: number };
  };
}>;

/** The committed table: one section per index format, then the event-loop run. */
export function renderMarkdown(r: Report): string {
  const lines: string[] = [
    `# Engine search benchmark — ${r.corpus.messages.toLocaleString('en')} messages`,
    '',
    `- date: ${r.date}; command: \`${r.command}\``,
    `- machine: ${r.machine.before.cpus} × ${r.machine.before.cpuModel}, node ${r.machine.before.node}; ` +
      `load average before ${r.machine.before.loadavg.join(' / ')}, after ${r.machine.after.loadavg.join(' / ')} (2 cores shared with other sessions)`,
    `- corpus: generated (bench/engine/corpus, seed 20240607), ${r.corpus.conversations} conversations`,
    '',
  ];
  for (const run of r.runs) {
    lines.push(
      `## ${run.name} (\`${run.indexVersion}\`)`,
      '',
      `- ingest into store + index, batches of 200 in one transaction each: **${run.ingest.messagesPerSecond.toLocaleString('en')} msg/s** ` +
        `(batch p50 ${run.ingest.batch.p50} ms, p99 ${run.ingest.batch.p99} ms); first ${run.ingest.firstMessages.toLocaleString('en')}: ` +
        `${run.ingest.firstMessagesPerSecond.toLocaleString('en')} msg/s, the store alone on the same messages ${run.ingest.storeOnlyFirstMessagesPerSecond.toLocaleString('en')} msg/s`,
      `- index ${run.size.indexMiB} MiB for ${run.size.rawTextMiB} MiB of raw text: **${run.size.ratioToText}×**; database file ${run.size.dbFileMiB} MiB`,
      `- cold open → first result (new process): ${run.coldOpen.map((c) => `${c.query} ${c.openToFirstResultMs} ms`).join(', ')}; child RSS ${run.coldOpen[0]?.rssMiB ?? '?'} MiB`,
      `- bench process RSS after queries (corpus held in memory for the scan): ${run.rssAfterQueriesMiB} MiB`,
      '',
      '| class | index p50 | p95 | p99 | raw p99 | scan p50 | scan p99 | recall | precision | hits/query |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const [cls, c] of Object.entries(run.classes)) {
      lines.push(
        `| ${cls} | ${c.index.p50} | ${c.index.p95} | **${c.index.p99}** | ${c.indexRaw.p99} | ${c.scan.p50} | ${c.scan.p99} | ${c.recall.toFixed(3)} | ${c.precision.toFixed(3)} | ${c.meanHits} |`,
      );
    }
    lines.push(
      '',
      'Latencies in ms for the first page (20 hits, with message rows, checks and highlight ranges). ' +
        'p50/p95/p99: per query the best of three runs (the query’s own cost; on a machine shared with other ' +
        'sessions a single run also measures how long the OS kept the thread waiting); raw p99: every run. ' +
        'Scan: the same query over the texts in memory, newest first, stopping at 20 hits.',
      '',
    );
  }
  if (r.eventLoopLag) {
    const l = r.eventLoopLag;
    lines.push(
      '## Host event loop during ingest with searches running',
      '',
      `- ${l.messages.toLocaleString('en')} messages in batches of 200 written and indexed in a worker thread at ${l.messagesPerSecond.toLocaleString('en')} msg/s, ` +
        `${l.searchesDuringIngest} searches meanwhile (round trip p50 ${l.searchRoundTripMs.p50} ms, p99 ${l.searchRoundTripMs.p99} ms)`,
      `- host event-loop delay: p50 ${l.hostLagMs.p50} ms, **p99 ${l.hostLagMs.p99} ms**, max ${l.hostLagMs.max} ms`,
      `- the same ingest on the host thread, for contrast: p99 ${l.hostLagInThreadMs.p99} ms, max ${l.hostLagInThreadMs.max} ms`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
