import { Worker } from 'node:worker_threads';
import type { StoreIdentity } from './core/context';
import type { Store } from './store';
import { storeOperations } from './storeOperations';
import {
  deserializeError,
  type StoreReply,
  type StoreRequest,
  type StoreWorkerData,
} from './worker/protocol';

export type WorkerStoreOptions = Readonly<{
  file: string;
  identity: StoreIdentity;
  /** better-sqlite3's native module for another ABI (Electron). */
  nativeBinding?: string;
  /** The worker bundle (see worker/workerPath.ts). */
  workerPath: string;
}>;

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

/** Distributes a request without the `id` over each member of the request union. */
type Unsent = StoreRequest extends infer R ? (R extends StoreRequest ? Omit<R, 'id'> : never) : never;

/**
 * Opens an account's store in a worker thread and answers with the Store once the database is
 * open and migrated. Calls are queued in order; the worker keeps the process alive only while
 * a call is in flight, so an idle engine never holds a CLI open.
 */
export function openWorkerStore(options: WorkerStoreOptions): Promise<Store> {
  const data: StoreWorkerData = {
    file: options.file,
    identity: options.identity,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  };
  const worker = new Worker(options.workerPath, { workerData: data });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | null = null;
  let closing: Promise<void> | null = null;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const fail = (error: Error): void => {
    failure ??= error;
    for (const call of pending.values()) call.reject(failure);
    pending.clear();
  };

  const send = (request: Unsent): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    if (closing && request.kind !== 'close') return Promise.reject(new Error('the store is closed'));
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (pending.size === 1) worker.ref();
      worker.postMessage({ ...request, id });
    });
  };

  return new Promise<Store>((resolve, reject) => {
    let opened = false;
    worker.on('message', (reply: StoreReply) => {
      switch (reply.kind) {
        case 'ready':
          opened = true;
          worker.unref();
          resolve(makeStore());
          return;
        case 'open-failed':
          reject(deserializeError(reply.error));
          return;
        case 'result': {
          const call = pending.get(reply.id);
          if (!call) return;
          pending.delete(reply.id);
          if (pending.size === 0 && closing === null) worker.unref();
          if (reply.ok) call.resolve(reply.value);
          else call.reject(deserializeError(reply.error));
          return;
        }
      }
    });
    worker.on('error', (error) => {
      if (!opened) reject(error);
      fail(error);
    });
    worker.on('exit', (code) => {
      if (!opened) reject(new Error(`the store worker exited (${code}) before opening the database`));
      fail(new Error(`the store worker exited (${code})`));
    });
  });

  function makeStore(): Store {
    const store: Record<string, unknown> = {};
    for (const op of storeOperations) {
      store[op] = (...args: unknown[]) => send({ kind: 'op', op, args });
    }
    store.extension = (name: string, operation: string, args: unknown) =>
      send({ kind: 'extension', name, operation, args });
    store.close = (): Promise<void> => {
      closing ??= (async () => {
        // Referenced until it has exited: an unreferenced worker would let a CLI process end
        // while it still waits here, before the rest of its shutdown ran.
        worker.ref();
        if (!failure) await send({ kind: 'close' }).catch(() => undefined);
        await exited;
      })();
      return closing;
    };
    return Object.freeze(store) as Store;
  }
}
