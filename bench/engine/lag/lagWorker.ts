import { parentPort, workerData } from 'node:worker_threads';
import type { CorpusMessage } from '../corpus/generateCorpus';
import { createBenchDb } from '../harness/benchDb';
import { createCorpusWriter } from '../store/corpusWriter';
import type { IndexConfig } from '../../../electron/core/search/index/indexConfig';
import type { MessagesRequest } from '../../../electron/core/search/engine/searchRequests';

/**
 * A stand-in for the store's worker thread: it owns the database, writes sync batches with the
 * search indexer in the same transaction, and answers searches, one request at a time.
 */
type Request =
  | { id: number; type: 'ingest'; batch: CorpusMessage[] }
  | { id: number; type: 'search'; request: MessagesRequest }
  | { id: number; type: 'close' };

const data = workerData as { file: string; config: IndexConfig; me: string };
const { db, engine, indexer } = createBenchDb(data.file, data.config);
const writer = createCorpusWriter(db, data.me, indexer);
const port = parentPort;
if (port === null) throw new Error('lagWorker must run as a worker thread');

port.on('message', (request: Request) => {
  if (request.type === 'ingest') {
    writer.write(request.batch);
    port.postMessage({ id: request.id, value: request.batch.length });
  } else if (request.type === 'search') {
    port.postMessage({ id: request.id, value: engine.messages(request.request).hits.length });
  } else {
    db.close();
    port.postMessage({ id: request.id, value: 0 });
    port.close();
  }
});
port.postMessage({ id: 0, value: 'ready' });
