import fs from 'node:fs';
import path from 'node:path';
import type { StorageStats } from '../../../shared/ipc/channels/storage';
import { storageId } from '../persist/accountRecord';
import { accountDatabasePath } from '../store/database';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

async function sizeOf(file: string): Promise<number> {
  try {
    return (await fs.promises.stat(file)).size;
  } catch {
    return 0;
  }
}

/** Bytes of every file under a folder (0 when it does not exist). */
async function folderSize(dir: string): Promise<number> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  const sizes = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? folderSize(path.join(dir, entry.name)) : sizeOf(path.join(dir, entry.name)),
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** The signed-in account's storage on this device. */
export function createStorageHandlers(ctx: HandlerContext): DomainHandlers<'storage'> {
  const paths = async (): Promise<{ database: string; cache: string }> => {
    const session = await ctx.sessions.require();
    const database = accountDatabasePath(ctx.deps.dataDir, storageId(session.account));
    return { database, cache: path.join(path.dirname(database), 'thumbnails') };
  };
  const stats = async (): Promise<StorageStats> => {
    const { database, cache } = await paths();
    const files = await Promise.all(['', '-wal', '-shm'].map((suffix) => sizeOf(`${database}${suffix}`)));
    return { databaseBytes: files.reduce((a, b) => a + b, 0), cacheBytes: await folderSize(cache) };
  };
  return {
    'storage:stats': stats,
    'storage:clearCache': async () => {
      const { cache } = await paths();
      // Only the picture cache: a message whose picture is gone shows it again after a download.
      await fs.promises.rm(cache, { recursive: true, force: true });
      return stats();
    },
  };
}
