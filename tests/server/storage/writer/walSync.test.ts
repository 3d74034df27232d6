import { describe, expect, it } from 'vitest';
import { createWalSync, type SyncFs } from '../../../../server/storage/writer/walSync';

/** A file system whose asynchronous fsyncs finish when the test says so. */
function heldFs() {
  const running: ((error: NodeJS.ErrnoException | null) => void)[] = [];
  const calls: string[] = [];
  let nextFd = 10;
  const fs: SyncFs = {
    openSync: (file) => (calls.push(`open ${file}`), nextFd++),
    fsync: (fd, done) => (calls.push(`fsync ${fd}`), void running.push(done)),
    fsyncSync: (fd) => void calls.push(`fsyncSync ${fd}`),
    closeSync: (fd) => void calls.push(`close ${fd}`),
  };
  return {
    fs,
    calls,
    running: () => running.length,
    /** Finishes the oldest running fsync. */
    finish: (error: NodeJS.ErrnoException | null = null) => running.shift()?.(error),
  };
}

/** Whether `promise` has settled, after the microtasks queued so far. */
async function state(promise: Promise<void>): Promise<'pending' | 'resolved' | 'rejected'> {
  let result: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (result = 'resolved'),
    () => (result = 'rejected'),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return result;
}

describe('WAL sync', () => {
  it('holds a commit until an fsync that started after it has finished, and shares that fsync', async () => {
    const disk = heldFs();
    const wal = createWalSync('/data/tidings.db', disk.fs);
    const first = wal.afterCommit();
    expect(disk.calls).toEqual([
      'open /data/tidings.db-wal',
      'open /data',
      'fsyncSync 11',
      'close 11',
      'fsync 10',
    ]);
    // Written while the first fsync runs: that fsync may have missed them.
    const second = wal.afterCommit();
    const third = wal.afterCommit();
    expect(disk.running()).toBe(1);
    expect(await state(first)).toBe('pending');
    disk.finish();
    expect(await state(first)).toBe('resolved');
    expect(await state(second)).toBe('pending');
    expect(disk.running()).toBe(1); // one fsync for both
    disk.finish();
    expect(await state(second)).toBe('resolved');
    expect(await state(third)).toBe('resolved');
    expect(disk.running()).toBe(0);
  });

  it('holds the next commit until the running fsync returns, and lets it start the next fsync', async () => {
    const disk = heldFs();
    const wal = createWalSync('/d/x.db', disk.fs);
    const order: string[] = [];
    wal.whenIdle(() => order.push('idle at once'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['idle at once']);
    const first = wal.afterCommit();
    let second: Promise<void> | undefined;
    wal.whenIdle(() => {
      order.push('commit after the fsync');
      second = wal.afterCommit();
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['idle at once']); // the fsync still runs
    disk.finish();
    expect(order).toEqual(['idle at once', 'commit after the fsync']);
    expect(await state(first)).toBe('resolved');
    expect(disk.running()).toBe(1); // the held commit's own fsync
    disk.finish();
    expect(second && (await state(second))).toBe('resolved');
  });

  it('rejects the commits an fsync covered when it fails, and syncs later ones again', async () => {
    const disk = heldFs();
    const wal = createWalSync('/d/x.db', disk.fs);
    const failed = wal.afterCommit();
    const later = wal.afterCommit();
    disk.finish(Object.assign(new Error('EIO'), { code: 'EIO' }));
    await expect(failed).rejects.toThrow('EIO');
    expect(await state(later)).toBe('pending');
    disk.finish();
    expect(await state(later)).toBe('resolved');
  });

  it('syncNow settles every waiting commit at once, and close releases the file after the running fsync', async () => {
    const disk = heldFs();
    const wal = createWalSync('/d/x.db', disk.fs);
    const covered = wal.afterCommit();
    const waiting = wal.afterCommit();
    wal.close();
    expect(await state(covered)).toBe('resolved');
    expect(await state(waiting)).toBe('resolved');
    expect(disk.calls.slice(-1)).toEqual(['fsyncSync 10']);
    disk.finish();
    expect(disk.calls.slice(-1)).toEqual(['close 10']);
    await expect(wal.afterCommit()).rejects.toThrow(/closed/);
  });
});
