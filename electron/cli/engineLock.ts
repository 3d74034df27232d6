import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * One engine process per data dir (one device id means a second connection would kick the
 * first). The lock file holds the owner's pid; a lock whose process is gone (kill -9) is stale
 * and taken over.
 */
export async function tryLockEngine(dataDir: string): Promise<(() => Promise<void>) | null> {
  const file = path.join(dataDir, 'engine.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fs.open(file, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return async () => {
        const owner = await readPid(file);
        if (owner === process.pid) await fs.rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readPid(file);
    if (owner !== null && isAlive(owner)) return null;
    // Stale (or half-written by a process that died at once): remove and try again.
    await fs.rm(file, { force: true });
  }
  return null;
}

async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await fs.readFile(file, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
