import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/app';
import { defaultConfig } from '../../server/config';
import { createLogger } from '../../server/log/logger';
import { createServerMetrics } from '../../server/observability/metrics';
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

  it('reports into the metrics and logger it is given, and creates its signing key with mode 0600', async () => {
    const dataDir = tempDir('tidings-inproc-');
    const metrics = createServerMetrics({ processMetrics: false });
    const lines: string[] = [];
    const server = await startServer(
      { ...defaultConfig(), port: 0, dataDir },
      { logger: createLogger('info', (line) => void lines.push(line)), metrics },
    );
    try {
      await registerUser(server.url, 'metered');
      expect(await metrics.registry.metrics()).toContain(
        'tidings_auth_requests_total{operation="register",result="ok"} 1',
      );
      expect(lines.some((line) => line.includes('"user registered"'))).toBe(true);
      expect(fs.statSync(path.join(dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);
    } finally {
      await server.close();
    }
  });

  it('narrows a signing key file readable by others, and keeps using it', async () => {
    const dataDir = tempDir('tidings-inproc-');
    const first = await startServer(
      { ...defaultConfig(), port: 0, dataDir },
      { logger: createLogger('silent') },
    );
    const user = await registerUser(first.url, 'keeper');
    await first.close();
    fs.chmodSync(path.join(dataDir, 'auth-secret'), 0o644);
    const lines: string[] = [];
    const second = await startServer(
      { ...defaultConfig(), port: 0, dataDir },
      { logger: createLogger('info', (line) => void lines.push(line)) },
    );
    try {
      expect(fs.statSync(path.join(dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);
      expect(lines.some((line) => line.includes('narrowed to 0600'))).toBe(true);
      // Same key: the token minted by the first run is still valid.
      expect((await api(second.url, 'GET', '/api/me', { token: user.token })).status).toBe(200);
    } finally {
      await second.close();
    }
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
