import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { IndexConfig } from '../../electron/core/search/index/indexConfig';
import { createCorpus, type CorpusMessage } from './corpus/generateCorpus';
import { machineLoad, mib, stopwatch } from './harness/stats';
import { renderMarkdown } from './report';
import { coldOpenChild, measureColdOpen } from './suites/coldOpen';
import { measureEventLoopLag } from './suites/eventLoopLag';
import { runSearchSuite } from './suites/searchSuite';

/** The index formats compared; the first one named on the command line is the one the lag run uses. */
const CONFIGS: Readonly<Record<string, IndexConfig>> = {
  'bigram-p1': { cjkMode: 'bigram', prefix: [1], positions: false },
  bigram: { cjkMode: 'bigram', prefix: [], positions: false },
  'bigram-positions': { cjkMode: 'bigram', prefix: [], positions: true },
  'unigram-positions': { cjkMode: 'unigram', prefix: [], positions: true },
  unigram: { cjkMode: 'unigram', prefix: [], positions: false },
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--cold') {
    const [, file, config, query] = argv;
    process.stdout.write(
      JSON.stringify(
        coldOpenChild(file as string, JSON.parse(config as string) as IndexConfig, query as string),
      ),
    );
    return;
  }
  const { values } = parseArgs({
    args: argv,
    options: {
      messages: { type: 'string', default: '1000000' },
      configs: { type: 'string', default: 'bigram-p1,bigram,unigram-positions' },
      queries: { type: 'string', default: '200' },
      scan: { type: 'string', default: '20' },
      recall: { type: 'string', default: '15' },
      'lag-messages': { type: 'string', default: '100000' },
      'skip-lag': { type: 'boolean', default: false },
      dir: { type: 'string', default: path.join(os.tmpdir(), 'tidings-bench-engine') },
      out: { type: 'string', default: 'bench/engine/results' },
      name: { type: 'string' },
    },
  });
  const count = Number(values.messages);
  const configNames = (values.configs ?? '').split(',').filter((n) => n in CONFIGS);
  fs.mkdirSync(values.dir, { recursive: true });
  const log = (line: string) => console.log(line);
  const loadBefore = machineLoad();
  log(`machine: ${JSON.stringify(loadBefore)}`);

  const corpus = createCorpus({ seed: 20240607 });
  const generate = stopwatch();
  const messages: CorpusMessage[] = [];
  for (let i = 0; i < count; i++) messages.push(corpus.next());
  log(`corpus: ${count} messages in ${Math.round(generate())} ms`);

  const bundle = process.argv[1] as string;
  const runs = [];
  for (const name of configNames) {
    const config = CONFIGS[name] as IndexConfig;
    const file = path.join(values.dir, `search-${name}.db`);
    const result = runSearchSuite({
      file,
      config,
      corpus,
      messages,
      batchSize: 200,
      queriesPerClass: Number(values.queries),
      scanQueriesPerClass: Number(values.scan),
      recallQueriesPerClass: Number(values.recall),
      pageSize: 20,
      log,
    });
    const cold = measureColdOpen(bundle, file, config, ['我们', '明天见', 'the']);
    log(`  cold open → first result: ${cold.map((c) => c.openToFirstResultMs).join(', ')} ms`);
    runs.push({ name, ...result, coldOpen: cold, loadavgAfter: machineLoad().loadavg });
  }

  let lag = null;
  if (!values['skip-lag'] && configNames.length > 0) {
    const config = CONFIGS[configNames[0] as string] as IndexConfig;
    const workerPath = path.join(path.dirname(bundle), 'lagWorker.mjs');
    log(`event-loop lag: ingest ${values['lag-messages']} messages in a worker while searching`);
    lag = await measureEventLoopLag({
      file: path.join(values.dir, 'lag.db'),
      workerPath,
      config,
      me: corpus.me,
      messages: messages.slice(0, Number(values['lag-messages'])),
      batchSize: 200,
      queries: ['我们', '明天', '什么时候', 'the', 'wha', '一起 吃饭'],
      searchEveryMs: 20,
    });
    log(`  host lag p99 ${lag.hostLagMs.p99} ms (in-thread for contrast: ${lag.hostLagInThreadMs.p99} ms)`);
  }

  const result = {
    benchmark: 'engine search',
    date: new Date().toISOString(),
    command: `node bench/engine/run.mjs ${argv.join(' ')}`.trim(),
    machine: { before: loadBefore, after: machineLoad() },
    corpus: { messages: count, seed: 20240607, conversations: corpus.conversationIds.length },
    runs,
    eventLoopLag: lag,
    rssMiB: mib(process.memoryUsage().rss),
  };
  const name = values.name ?? `search-${count}`;
  fs.mkdirSync(values.out, { recursive: true });
  fs.writeFileSync(path.join(values.out, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(path.join(values.out, `${name}.md`), renderMarkdown(result));
  log(`wrote ${path.join(values.out, name)}.{json,md}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
