import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreVersionError } from '../../../../electron/core/store/migrate';
import type { Store } from '../../../../electron/core/store/store';
import { openWorkerStore } from '../../../../electron/core/store/workerStore';
import { defaultStoreWorkerPath } from '../../../../electron/core/store/worker/workerPath';
import { repoRoot } from '../../../helpers/serverProcess';
import { useTempDirs } from '../helpers/tempDirs';
import { CONV, peer, wire } from './storeFixtures';

const newDir = useTempDirs('tidings-worker-');
const workerPath = defaultStoreWorkerPath();
const identity = { userId: 'alice', mode: 'tidings' } as const;

let stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

async function open(file = path.join(newDir(), 'a', 'tidings.db')): Promise<Store> {
  const store = await openWorkerStore({ file, identity, workerPath });
  stores.push(store);
  return store;
}

describe('the store in a worker thread', () => {
  it('uses the built worker bundle when run from the sources', () => {
    expect(workerPath).toBe(path.join(repoRoot, 'dist', 'storeWorker.mjs'));
  });

  it('finds the worker beside a host bundle, in each layout the build produces', () => {
    const dist = newDir();
    for (const dir of ['cli', 'bridge', 'electron']) fs.mkdirSync(path.join(dist, dir));
    fs.writeFileSync(path.join(dist, 'storeWorker.mjs'), '');
    fs.writeFileSync(path.join(dist, 'electron', 'storeWorker.cjs'), '');
    const from = (file: string) => defaultStoreWorkerPath(pathToFileURL(path.join(dist, file)).href);
    expect(from('cli/main.mjs')).toBe(path.join(dist, 'storeWorker.mjs'));
    expect(from('bridge/main.mjs')).toBe(path.join(dist, 'storeWorker.mjs'));
    expect(from('electron/main.cjs')).toBe(path.join(dist, 'electron', 'storeWorker.cjs'));
  });

  it('answers every operation as a promise, in order, and rejects what fails', async () => {
    const store = await open();
    await store.openDirectConversation(CONV, peer, 1);
    const outcome = await store.applySync({
      now: 2,
      messages: [wire('in1', 1), wire('in2', 2)],
      inboxCursor: 7,
    });
    expect(outcome.inserted).toBe(2);
    expect((await store.listMessages(CONV, { limit: 10 })).map((m) => m.id)).toEqual(['in1', 'in2']);
    expect(await store.inboxCursor()).toBe(7);
    await expect(
      store.insertOutgoing({
        fp: 'x',
        conversationId: 'd:alice:nobody',
        sentAt: 1,
        kind: 'text',
        body: { text: 'x' },
        toUserId: 'nobody',
        frame: '{}',
      }),
    ).rejects.toThrow();
    await expect(store.extension('search', 'query', {})).rejects.toThrow(/unknown extension operation/);
  });

  it('refuses a database from a newer version with the engine’s own error type', async () => {
    const file = path.join(newDir(), 'tidings.db');
    const future = new Database(file);
    future.pragma('user_version = 99');
    future.close();
    await expect(openWorkerStore({ file, identity, workerPath })).rejects.toBeInstanceOf(StoreVersionError);
  });

  it('hands the native binding option to the worker', async () => {
    const file = path.join(newDir(), 'tidings.db');
    const binding = path.join(newDir(), 'no-such-binding.node');
    await expect(openWorkerStore({ file, identity, workerPath, nativeBinding: binding })).rejects.toThrow(
      /no-such-binding/,
    );
  });

  it('keeps the host’s event loop free while the worker writes', async () => {
    const store = await open();
    const messages = Array.from({ length: 4_000 }, (_, i) => wire(`m${i + 1}`, i + 1));
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 1);
    try {
      // One big transaction: on the host's thread it would stall the loop for all of it.
      const started = performance.now();
      await store.applySync({ now: 1, messages });
      const elapsed = performance.now() - started;
      expect(ticks).toBeGreaterThan(3);
      expect(longestGap).toBeLessThan(elapsed / 2);
    } finally {
      clearInterval(timer);
    }
    expect((await store.listMessages(CONV, { limit: 1 }))[0]?.seq).toBe(4_000);
  });

  it('closes once, and rejects calls after closing', async () => {
    const store = await open();
    await store.close();
    await store.close();
    await expect(store.listConversations()).rejects.toThrow();
  });
});
