import type { Database } from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../database';
import { migrations } from '../migrations';
import { createStoreApi, type StoreApi } from '../storeApi';
import { storeExtensions } from './extensions';
import { serializeError, storeRequestSchema, storeWorkerDataSchema, type StoreReply } from './protocol';

/**
 * The store's worker thread: the one writer of an account's database. It runs each request
 * to completion in arrival order, so transactions never interleave, and it is the only code
 * that ever waits on SQLite.
 */
function main(): void {
  const port = parentPort;
  if (!port) throw new Error('storeWorker must run as a worker thread');
  const post = (reply: StoreReply): void => port.postMessage(reply);

  let api: StoreApi;
  let db: Database;
  try {
    const data = storeWorkerDataSchema.parse(workerData);
    db = openDatabase(data.file, {
      ...(data.nativeBinding === undefined ? {} : { nativeBinding: data.nativeBinding }),
      migrations: [...migrations, ...storeExtensions.flatMap((e) => e.migrations ?? [])],
    });
    api = createStoreApi(db, data.identity, storeExtensions);
  } catch (error) {
    post({ kind: 'open-failed', error: serializeError(error) });
    port.close();
    return;
  }
  post({ kind: 'ready' });

  const operations = api as unknown as Record<string, (...args: unknown[]) => unknown>;
  port.on('message', (raw: unknown) => {
    const parsed = storeRequestSchema.safeParse(raw);
    if (!parsed.success) return;
    const request = parsed.data;
    try {
      switch (request.kind) {
        case 'op': {
          const operation = Object.hasOwn(operations, request.op) ? operations[request.op] : undefined;
          if (!operation) throw new Error(`unknown store operation ${request.op}`);
          post({ kind: 'result', id: request.id, ok: true, value: operation(...request.args) });
          return;
        }
        case 'extension': {
          const extension = storeExtensions.find((e) => e.name === request.name);
          const operation = extension?.operations?.[request.operation];
          if (!operation) throw new Error(`unknown extension operation ${request.name}.${request.operation}`);
          post({ kind: 'result', id: request.id, ok: true, value: operation(db, request.args) });
          return;
        }
        case 'close':
          db.close();
          post({ kind: 'result', id: request.id, ok: true, value: null });
          port.close();
          return;
      }
    } catch (error) {
      post({ kind: 'result', id: request.id, ok: false, error: serializeError(error) });
    }
  });
}

main();
