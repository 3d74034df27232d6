import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes commits durable off the event loop: fsyncs the database's write-ahead log on libuv's
 * thread pool, one fsync for every commit written while the previous one ran (group commit
 * that adapts to the disk: the slower the fsync, the more commits share the next one).
 *
 * The commits it covers are written with `synchronous = NORMAL` (the WAL frames reach the OS,
 * not the disk). Once `fsync` of the WAL file returns, every frame written before the call is
 * on disk, which is what `synchronous = FULL` would have waited for inside each COMMIT.
 * Checkpoints under NORMAL still sync the WAL before copying it and the database before the
 * WAL is reused, so the file never holds a commit that is not also durable somewhere.
 *
 * Assumes the WAL file stays the same file while the database is open (SQLite deletes it only
 * when the last connection closes; the server holds one connection for its whole life).
 */
export type WalSync = Readonly<{
  /** Settles once everything committed before this call is on disk; rejects if the fsync failed. */
  afterCommit(): Promise<void>;
  /**
   * Calls `run` when no fsync is running: on the next turn if none is, else as soon as the
   * running one returns. A commit made then is the one the next fsync covers, so commits wait
   * for the disk together instead of each writing the same hot pages to the WAL again.
   */
  whenIdle(run: () => void): void;
  /** Blocks until everything committed so far is on disk, and settles the waiting promises (shutdown). */
  syncNow(): void;
  /** Syncs what is pending, then releases the file. */
  close(): void;
}>;

/** The file system calls used, so a test can make a sync slow or fail. */
export type SyncFs = Readonly<{
  openSync(file: string, flags: string): number;
  fsync(fd: number, done: (error: NodeJS.ErrnoException | null) => void): void;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
}>;

type Waiter = Readonly<{ resolve(): void; reject(error: unknown): void }>;

export function createWalSync(databaseFile: string, fileSystem: SyncFs = fs): WalSync {
  const walFile = `${databaseFile}-wal`;
  let fd: number | null = null;
  /** Commits written since the running fsync started: they wait for the next one. */
  let waiting: Waiter[] = [];
  /** Commits the running fsync covers. */
  let covered: Waiter[] = [];
  let running = false;
  let closed = false;
  /** Called when the running fsync returns. */
  const idleCallbacks: (() => void)[] = [];

  const walFd = (): number => {
    if (fd === null) {
      fd = fileSystem.openSync(walFile, 'r');
      // A newly created WAL is durable only once its directory entry is: sync that once.
      const directory = fileSystem.openSync(path.dirname(walFile), 'r');
      try {
        fileSystem.fsyncSync(directory);
      } finally {
        fileSystem.closeSync(directory);
      }
    }
    return fd;
  };

  const settle = (waiters: readonly Waiter[], error: unknown): void => {
    for (const waiter of waiters) {
      if (error === null) waiter.resolve();
      else waiter.reject(error);
    }
  };

  const start = (): void => {
    running = true;
    covered = waiting;
    waiting = [];
    let target: number;
    try {
      target = walFd();
    } catch (error) {
      running = false;
      settle(covered.splice(0), error);
      return;
    }
    fileSystem.fsync(target, (error) => {
      running = false;
      settle(covered.splice(0), error);
      if (closed) return releaseFd();
      // What queued up meanwhile commits now, and its afterCommit starts the next fsync.
      for (const run of idleCallbacks.splice(0)) run();
      if (waiting.length > 0 && !running) start();
    });
  };

  const releaseFd = (): void => {
    if (fd === null) return;
    fileSystem.closeSync(fd);
    fd = null;
  };

  const syncNow = (): void => {
    const all = [...covered.splice(0), ...waiting.splice(0)];
    if (all.length === 0) return;
    try {
      fileSystem.fsyncSync(walFd());
    } catch (error) {
      settle(all, error);
      return;
    }
    settle(all, null);
  };

  return {
    afterCommit() {
      if (closed) return Promise.reject(new Error('the WAL sync is closed'));
      return new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
        if (!running) start();
      });
    },
    whenIdle(run) {
      if (running && !closed) idleCallbacks.push(run);
      else setImmediate(run);
    },
    syncNow,
    close() {
      if (closed) return;
      syncNow();
      closed = true;
      for (const run of idleCallbacks.splice(0)) setImmediate(run);
      // A running fsync still uses the descriptor: its callback releases it.
      if (!running) releaseFd();
    },
  };
}
