import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkerStore } from '../../electron/core/store/workerStore';
import { machineLoad, percentiles, stopwatch } from './harness/stats';

/**
 * Engine open → first screen, on a database the search benchmark filled (1M messages): the
 * store's worker thread starts and opens the file, then the conversation list, then the newest
 * page of the busiest conversation. Each round is a new worker, as after an app start.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: path.join(os.tmpdir(), 'tidings-bench-engine', 'search-bigram-p1.db') },
      me: { type: 'string', default: 'u0' },
      rounds: { type: 'string', default: '7' },
      out: { type: 'string', default: 'bench/engine/results' },
      name: { type: 'string', default: 'engine-open' },
    },
  });
  const file = values.db;
  const peek = new Database(file, { readonly: true });
  const messages = peek.prepare('SELECT count(*) FROM messages').pluck().get() as number;
  const busiest = peek
    .prepare(
      'SELECT conversation_id AS id, count(*) AS n FROM messages GROUP BY conversation_id ORDER BY n DESC LIMIT 1',
    )
    .get() as { id: string; n: number };
  const conversations = peek.prepare('SELECT count(*) FROM conversations').pluck().get() as number;
  peek.close();
  const workerPath = path.join(path.dirname(process.argv[1] as string), 'storeWorker.mjs');
  console.log(
    `${messages} messages, ${conversations} conversations; busiest ${busiest.id} with ${busiest.n}`,
  );

  const toList: number[] = [];
  const toPage: number[] = [];
  const openOnly: number[] = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    const t = stopwatch();
    const store = await openWorkerStore({
      file,
      identity: { userId: values.me, mode: 'tidings' },
      workerPath,
    });
    openOnly.push(t());
    const list = await store.listConversations();
    toList.push(t());
    const t2 = stopwatch();
    const page = await store.listMessages(busiest.id, { limit: 50 });
    toPage.push(t2());
    await store.close();
    console.log(
      `  round ${round}: open ${openOnly.at(-1)?.toFixed(1)} ms, list (${list.length}) ${toList.at(-1)?.toFixed(1)} ms, page (${page.length}) ${toPage.at(-1)?.toFixed(1)} ms`,
    );
  }
  const result = {
    benchmark: 'engine open',
    date: new Date().toISOString(),
    command: `node bench/engine/run.mjs --engine-open ${process.argv.slice(2).join(' ')}`.trim(),
    machine: machineLoad(),
    database: {
      messages,
      conversations,
      busiestConversationMessages: busiest.n,
      fileMiB: Math.round(fs.statSync(file).size / 2 ** 20),
    },
    openWorkerMs: percentiles(openOnly),
    openToConversationListMs: percentiles(toList),
    firstPageOfBusiestConversationMs: percentiles(toPage),
  };
  fs.mkdirSync(values.out, { recursive: true });
  fs.writeFileSync(path.join(values.out, `${values.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

// The store's worker lets an idle process exit; the benchmark keeps itself alive until done.
const keepAlive = setInterval(() => undefined, 1000);
main()
  .finally(() => clearInterval(keepAlive))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
