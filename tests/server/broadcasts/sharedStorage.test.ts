import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBroadcastAdmin } from '../../../server/broadcasts/broadcastAdmin';
import { createBroadcastRepository } from '../../../server/broadcasts/broadcastRepository';
import { createLogger } from '../../../server/log/logger';
import { openDatabase } from '../../../server/storage/database';
import type { ServerProcess } from '../../helpers/serverProcess';
import { provision, startCoreServer } from '../sync/helpers/coreServer';
import { connectTidings } from '../sync/helpers/devices';
import { noticeIds, pullPublic, takePublicNotify } from './helpers';

let server: ServerProcess;
let other: Database;

beforeAll(async () => {
  server = await startCoreServer({ timings: { publicInboxRefreshMs: 200, broadcastNotifyJitterMs: 0 } });
  // Another server on the same storage: it writes, this one only finds out by refreshing.
  other = openDatabase(path.join(server.dataDir, 'tidings.db'));
});

afterAll(async () => {
  other.close();
  expect(await server.stop()).toBe(0);
});

it('picks up a broadcast another server published within its refresh interval and notifies online users', async () => {
  const [user] = await provision(server.url, 1, 'shared');
  if (!user) throw new Error('provisioning');
  const device = await connectTidings(server.wsUrl, user);
  const start = await pullPublic(device);
  const admin = createBroadcastAdmin({
    repository: createBroadcastRepository(other),
    users: { exists: () => true },
    clock: { now: () => Date.now() },
    logger: createLogger('silent'),
    changed: () => undefined,
  });
  const draft = admin.create({
    title: 'From elsewhere',
    body: 'b',
    expiresAt: null,
    audience: {},
    whitelist: [],
  });
  const published = admin.publish(draft.id);
  const cursor = await takePublicNotify(device, published.publicSeq ?? 0, 10_000);
  expect(cursor).toBe(published.publicSeq);
  expect(noticeIds((await pullPublic(device, start.max)).events)).toEqual([draft.id]);
  device.close();
});
