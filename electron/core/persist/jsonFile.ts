import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Parsed JSON of a file, or undefined when it does not exist. A damaged file reads as `damaged`. */
export async function readJsonFile(file: string): Promise<{ value: unknown } | undefined | 'damaged'> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return 'damaged';
  }
}

/**
 * Replaces the file in one step (write a sibling, fsync, rename), so a crash leaves either the
 * old or the new content, never half of it. `mode` applies from the first byte written.
 */
export async function writeJsonFileAtomic(file: string, value: unknown, mode = 0o644): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'w', mode);
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** Runs async work one at a time, in call order (writes to one file must not overtake each other). */
export function createSerialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}
