import fs from 'node:fs';
import path from 'node:path';

export type JsonRead =
  | Readonly<{ kind: 'missing' }>
  | Readonly<{ kind: 'ok'; value: unknown }>
  | Readonly<{ kind: 'corrupt'; reason: string }>;

/** Reads a JSON file, telling a file that is not there from one that cannot be read as JSON. */
export async function readJsonFile(file: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  }
}

const temporaryName = (file: string): string => `${file}.${process.pid}.${Date.now()}.tmp`;

/**
 * Replaces `file` with `value` as JSON, all or nothing: written beside it, then renamed over
 * it, so a crash mid-write leaves the previous version rather than half a file.
 */
export async function writeJsonFile(file: string, value: unknown, mode = 0o600): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const partial = temporaryName(file);
  try {
    await fs.promises.writeFile(partial, `${JSON.stringify(value)}\n`, { mode });
    await fs.promises.rename(partial, file);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

/** The same, synchronously: for the last write while the window closes and the app may exit. */
export function writeJsonFileSync(file: string, value: unknown, mode = 0o600): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = temporaryName(file);
  try {
    fs.writeFileSync(partial, `${JSON.stringify(value)}\n`, { mode });
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
