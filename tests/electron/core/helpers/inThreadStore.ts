import path from 'node:path';
import { afterEach } from 'vitest';
import type { AccountMode } from '../../../../shared/ipc';
import { openDatabase } from '../../../../electron/core/store/database';
import type { Store } from '../../../../electron/core/store/store';
import { createStoreApi } from '../../../../electron/core/store/storeApi';
import { storeOperations } from '../../../../electron/core/store/storeOperations';
import { useTempDirs } from './tempDirs';

const tempDir = useTempDirs('tidings-store-');
const open: Store[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/**
 * The store's real operations on a real file, answered as promises in this thread: for unit
 * tests of the parts above the store, which do not need the worker (its own tests cover it).
 */
export function createInThreadStore(
  options: Readonly<{ file?: string; userId?: string; mode?: AccountMode }> = {},
): Store & { file: string } {
  const file = options.file ?? path.join(tempDir(), 'tidings.db');
  const db = openDatabase(file);
  const api = createStoreApi(db, { userId: options.userId ?? 'alice', mode: options.mode ?? 'tidings' }, []);
  const operations = api as unknown as Record<string, (...args: unknown[]) => unknown>;
  const store: Record<string, unknown> = { file };
  for (const op of storeOperations) {
    store[op] = (...args: unknown[]) => {
      try {
        return Promise.resolve(operations[op]?.(...args));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
  }
  store.extension = () => Promise.reject(new Error('no extensions in this store'));
  store.close = () => {
    if (db.open) db.close();
    return Promise.resolve();
  };
  const result = store as Store & { file: string };
  open.push(result);
  return result;
}
