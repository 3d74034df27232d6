import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/app';
import { defaultConfig } from '../../server/config';
import { createLogger } from '../../server/log/logger';
import { openDatabase } from '../../server/storage/database';
import { tempDir } from '../helpers/serverProcess';
import { api, registerUser } from './helpers/api';
import { connectAs } from './helpers/wsClient';

describe('startServer (in-process)', () => {
  it('listens on a free port, serves HTTP and the gateway, and closes cleanly', async () => {
    const dataDir = tempDir('tidings-inproc-');
    const lines: string[] = [];
    const server = await startServer(
      { ...defaultConfig(), host: '127.0.0.1', port: 0, dataDir },
      { logger: createLogger('info', (line) => void lines.push(line)) },
    );
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
    const user = await registerUser(server.url, 'inproc');
    const client = await connectAs(`ws://127.0.0.1:${server.port}/websocket`, user);

    const closing = server.close();
    expect(server.close()).toBe(closing); // idempotent: one shutdown however often it is asked
    await closing;
    expect((await client.waitClosed()).code).toBe(1001);
    await expect(api(server.url, 'GET', '/healthz')).rejects.toThrow();
    expect(lines.some((line) => line.includes('"server stopped"'))).toBe(true);

    // The database was closed and checkpointed: it reopens with the user in it, WAL folded in.
    expect(fs.existsSync(path.join(dataDir, 'tidings.db-wal'))).toBe(false);
    const db = openDatabase(path.join(dataDir, 'tidings.db'));
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    db.close();
  });

  it('rejects when the port is taken, leaving nothing open', async () => {
    const first = await startServer(
      { ...defaultConfig(), port: 0, dataDir: tempDir('tidings-inproc-') },
      { logger: createLogger('silent') },
    );
    const dataDir = tempDir('tidings-inproc-');
    await expect(
      startServer({ ...defaultConfig(), port: first.port, dataDir }, { logger: createLogger('silent') }),
    ).rejects.toThrow(/EADDRINUSE/);
    // The second server's database handle was released: another writer can take it at once.
    const db = openDatabase(path.join(dataDir, 'tidings.db'));
    db.exec('BEGIN IMMEDIATE; COMMIT;');
    db.close();
    await first.close();
  });
});
