import fs from 'node:fs';
import { afterAll } from 'vitest';
import { tempDir } from '../../../helpers/serverProcess';

/** Temporary folders for one test file, removed when it ends. */
export function useTempDirs(prefix = 'tidings-shell-'): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = tempDir(prefix);
    made.push(dir);
    return dir;
  };
}
