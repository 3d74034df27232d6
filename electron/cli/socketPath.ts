import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** Unix socket paths are limited to about 104 bytes (macOS) or 108 (Linux). */
const MAX_SOCKET_PATH = 100;

/**
 * Where the engine process of a data dir listens for the other commands: a named pipe on
 * Windows, else a socket in the data dir (or, when that path is too long for a socket, in
 * the temp folder under a name derived from the data dir).
 */
export function engineSocketPath(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\tidings-${hash}`;
  const inDataDir = path.join(dataDir, 'engine.sock');
  return inDataDir.length <= MAX_SOCKET_PATH ? inDataDir : path.join(os.tmpdir(), `tidings-${hash}.sock`);
}
