import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { IndexConfig } from '../../../electron/core/search/index/indexConfig';
import type { CorpusMessage } from '../corpus/generateCorpus';
import { createBenchDb } from '../harness/benchDb';
import { percentiles, stopwatch } from '../harness/stats';
import { createCorpusWriter } from '../store/corpusWriter';

export type LagOptions = Readonly<{
  file: string;
  workerPath: string;
  config: IndexConfig;
  me: string;
  messages: readonly CorpusMessage[];
  batchSize: number;
  queries: readonly string[];
  /** A search is started every this many ms while the ingest runs. */
  searchEveryMs: number;
}>;

const histogramMs = (h: ReturnType<typeof monitorEventLoopDelay>) => ({
  p50: Math.round(h.percentile(50) / 1e4) / 100,
  p99: Math.round(h.percentile(99) / 1e4) / 100,
  max: Math.round(h.max / 1e4) / 100,
});

/**
 * The host's event-loop delay while sync batches are written and indexed and searches run,
 * with the database in a worker thread (as the engine runs it), and the same work on the host
 * thread for contrast.
 */
export async function measureEventLoopLag(o: LagOptions) {
  const worker = new Worker(o.workerPath, { workerData: { file: o.file, config: o.config, me: o.me } });
  const waiting = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => resolve());
  });
  worker.on('message', (reply: { id: number; value: unknown }) => {
    waiting.get(reply.id)?.(reply.value);
    waiting.delete(reply.id);
  });
  const call = (message: Record<string, unknown>) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      worker.postMessage({ ...message, id });
    });

  const searchTimes: number[] = [];
  let searching = true;
  let q = 0;
  const searchLoop = (async () => {
    while (searching) {
      const t = stopwatch();
      const query = o.queries[q++ % o.queries.length] as string;
      await call({
        type: 'search',
        request: { query, asYouType: false, filters: {}, beforeKey: null, limit: 20 },
      });
      searchTimes.push(t());
      await new Promise((resolve) => setTimeout(resolve, o.searchEveryMs));
    }
  })();

  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  const total = stopwatch();
  for (let i = 0; i < o.messages.length; i += o.batchSize) {
    await call({ type: 'ingest', batch: o.messages.slice(i, i + o.batchSize) });
  }
  const ingestMs = total();
  searching = false;
  await searchLoop;
  lag.disable();
  await call({ type: 'close' });
  await worker.terminate();

  // The same ingest on the host thread: what the worker saves the UI from.
  const { db, indexer } = createBenchDb(`${o.file}-inthread`, o.config);
  const writer = createCorpusWriter(db, o.me, indexer);
  const inThread = monitorEventLoopDelay({ resolution: 1 });
  inThread.enable();
  for (let i = 0; i < o.messages.length; i += o.batchSize) {
    writer.write(o.messages.slice(i, i + o.batchSize));
    await new Promise((resolve) => setImmediate(resolve));
  }
  inThread.disable();
  db.close();

  return {
    messages: o.messages.length,
    batchSize: o.batchSize,
    ingestSeconds: Math.round(ingestMs) / 1000,
    messagesPerSecond: Math.round(o.messages.length / (ingestMs / 1000)),
    searchesDuringIngest: searchTimes.length,
    searchRoundTripMs: percentiles(searchTimes),
    hostLagMs: histogramMs(lag),
    hostLagInThreadMs: histogramMs(inThread),
  };
}
