import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServerProcess } from '../../helpers/serverProcess';
import { waitFor } from '../../helpers/serverProcess';
import { provision, startCoreServer } from '../sync/helpers/coreServer';
import { connectTidings } from '../sync/helpers/devices';
import { createDraft, keepalivePublic, noticeIds, pullPublic, transition } from './helpers';

let server: ServerProcess;

beforeAll(async () => {
  // Notifies wait up to ten minutes: within this test, every one of them is as good as lost.
  server = await startCoreServer({ timings: { broadcastNotifyJitterMs: 600_000 } });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

it('repairs a lost notify with the public cursor of the next keepalive answer', async () => {
  const [user] = await provision(server.url, 1, 'lost');
  if (!user) throw new Error('provisioning');
  const device = await connectTidings(server.wsUrl, user);
  const start = await pullPublic(device);
  expect(await keepalivePublic(device)).toBe(start.max);

  const draft = await createDraft(server.url, { title: 'Maintenance', body: 'tonight' });
  const published = await transition(server.url, draft.id, 'publish');
  const cursor = await waitFor(
    async () => {
      const value = await keepalivePublic(device);
      return value > start.max ? value : null;
    },
    { what: 'a keepalive answer with the new public cursor' },
  );
  expect(cursor).toBe(published.publicSeq);
  expect(noticeIds((await pullPublic(device, start.max)).events)).toEqual([draft.id]);
  device.close();
});
