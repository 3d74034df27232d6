import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/storage/database';
import { createTransactor } from '../../../server/storage/transactor';
import { coreDb } from './coreDb';

describe('transactor', () => {
  it('runs operations in one transaction, rolling back a failing one alone', () => {
    const { transactor, inbox, alice, direct } = coreDb();
    const append = (readSeq: number) => () =>
      inbox.append(alice, { type: 'read', conversationId: direct, readSeq }, 1).seq;
    const results = transactor.runBatch([
      append(1),
      () => {
        append(2)();
        throw new Error('boom');
      },
      append(3),
    ]);
    expect(results).toEqual([
      { ok: true, value: 1 },
      { ok: false, error: new Error('boom') },
      { ok: true, value: 2 }, // the failed op's seq was rolled back with it: no gap
    ]);
    expect(inbox.page(alice, 0, 10).map((e) => e.event.seq)).toEqual([1, 2]);
  });
});

describe('transactor, batches of rerunnable operations', () => {
  it('commits them together without savepoints', () => {
    const { transactor, inbox, alice, direct } = coreDb();
    const append = (readSeq: number) => () =>
      inbox.append(alice, { type: 'read', conversationId: direct, readSeq }, 1).seq;
    const { results } = transactor.commitBatch([append(1), append(2)], true);
    expect(results).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 2 },
    ]);
    expect(inbox.page(alice, 0, 10).map((e) => e.event.seq)).toEqual([1, 2]);
  });

  it('rolls the batch back when one throws and runs it again with savepoints: the same results as runBatch', () => {
    const { transactor, inbox, alice, direct } = coreDb();
    const runs: number[] = [];
    const append = (readSeq: number) => () => {
      runs.push(readSeq);
      return inbox.append(alice, { type: 'read', conversationId: direct, readSeq }, 1).seq;
    };
    const { results } = transactor.commitBatch(
      [
        append(1),
        () => {
          append(2)();
          throw new Error('boom');
        },
        append(3),
      ],
      true,
    );
    expect(results).toEqual([
      { ok: true, value: 1 },
      { ok: false, error: new Error('boom') },
      { ok: true, value: 2 },
    ]);
    expect(runs).toEqual([1, 2, 1, 2, 3]); // the first run stopped at the failure and was undone
    expect(inbox.page(alice, 0, 10).map((e) => e.event.seq)).toEqual([1, 2]);
    expect(inbox.head(alice).last).toBe(2);
  });
});

describe('transactor on a database file', () => {
  it('commits a batch at once, and reports it durable only after the WAL is fsynced, at FULL for everyone else', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-transactor-'));
    const file = path.join(dir, 'server.db');
    const db = openDatabase(file);
    const fsyncs: ((error: NodeJS.ErrnoException | null) => void)[] = [];
    const synced: string[] = [];
    const transactor = createTransactor(db, {
      fs: {
        openSync: (name, flags) => (synced.push(name), fs.openSync(name, flags)),
        fsync: (_fd, done) => void fsyncs.push(done),
        fsyncSync: (fd) => fs.fsyncSync(fd),
        closeSync: (fd) => fs.closeSync(fd),
      },
    });
    try {
      db.exec('CREATE TABLE notes (text TEXT NOT NULL) STRICT');
      const insert = db.prepare<[string]>('INSERT INTO notes (text) VALUES (?)');
      const { results, durable } = transactor.commitBatch([() => insert.run('a').changes]);
      expect(results).toEqual([{ ok: true, value: 1 }]);
      // Written: the connection already reads it; the caller must still wait for the disk.
      expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1 });
      expect(synced[0]).toBe(`${file}-wal`);
      let done = false;
      void durable.then(() => (done = true));
      await new Promise((resolve) => setImmediate(resolve));
      expect(done).toBe(false);
      fsyncs.shift()?.(null);
      await durable;
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL again
    } finally {
      transactor.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
