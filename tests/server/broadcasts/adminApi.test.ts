import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverStatsSchema } from '../../../shared/protocol';
import { startServer, type ServerProcess } from '../../helpers/serverProcess';
import { ADMIN_TOKEN, provision, startCoreServer } from '../sync/helpers/coreServer';
import { connectTidings, sendText, takeAck } from '../sync/helpers/devices';
import { adminCall, createDraft, transition } from './helpers';

let server: ServerProcess;
let bare: ServerProcess;

beforeAll(async () => {
  [server, bare] = await Promise.all([startCoreServer(), startServer()]);
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
  expect(await bare.stop()).toBe(0);
});

const endpoints: readonly ['GET' | 'POST' | 'PATCH', string][] = [
  ['GET', '/api/admin/broadcasts'],
  ['POST', '/api/admin/broadcasts'],
  ['GET', '/api/admin/broadcasts/1'],
  ['PATCH', '/api/admin/broadcasts/1'],
  ['POST', '/api/admin/broadcasts/1/whitelist'],
  ['POST', '/api/admin/broadcasts/1/prerelease'],
  ['POST', '/api/admin/broadcasts/1/publish'],
  ['POST', '/api/admin/broadcasts/1/stop'],
  ['POST', '/api/admin/broadcasts/1/recall'],
  ['GET', '/api/admin/stats'],
];

describe('admin token', () => {
  it('refuses every broadcast and stats endpoint without the admin token or with a user token', async () => {
    const [user] = await provision(server.url, 1, 'nosy');
    if (!user) throw new Error('provisioning');
    for (const [method, path] of endpoints) {
      const body = method === 'GET' ? undefined : { title: 'x', body: 'y' };
      for (const token of [null, `${ADMIN_TOKEN}x`, user.token]) {
        const reply = await adminCall(server.url, method, path, body, token);
        expect(reply.status, `${method} ${path}`).toBe(401);
      }
    }
    // Nothing was created by the refused requests.
    const list = await adminCall(server.url, 'GET', '/api/admin/broadcasts');
    expect(list.body).toEqual({ broadcasts: [] });
  });

  it('has no admin API at all on a server without an admin token', async () => {
    for (const [method, path] of endpoints) {
      const body = method === 'GET' ? undefined : { title: 'x', body: 'y' };
      const reply = await adminCall(bare.url, method, path, body, ADMIN_TOKEN);
      expect(reply.status, `${method} ${path}`).toBe(404);
    }
  });
});

describe('stats', () => {
  it('counts users, online devices, messages and broadcasts by state', async () => {
    const before = serverStatsSchema.parse((await adminCall(server.url, 'GET', '/api/admin/stats')).body);
    const [alice, bob] = await provision(server.url, 2, 'stats');
    if (!alice || !bob) throw new Error('provisioning');
    const device = await connectTidings(server.wsUrl, alice);
    await takeAck(device, sendText(device, bob.userId, 'hello'));
    const draft = await createDraft(server.url, { title: 'Counted', body: 'b' });
    await transition(server.url, draft.id, 'publish');
    await createDraft(server.url, { title: 'Still a draft', body: 'b' });

    const after = serverStatsSchema.parse((await adminCall(server.url, 'GET', '/api/admin/stats')).body);
    expect(after.users).toBe(before.users + 2);
    expect(after.onlineDevices).toBeGreaterThanOrEqual(1);
    expect(after.onlineUsers).toBeGreaterThanOrEqual(1);
    expect(after.messages).toBe(before.messages + 1);
    expect(after.broadcasts.published).toBe(before.broadcasts.published + 1);
    expect(after.broadcasts.draft).toBe(before.broadcasts.draft + 1);
    expect(after.publicSeq).toBeGreaterThan(before.publicSeq);
    expect(after.uptimeMs).toBeGreaterThanOrEqual(before.uptimeMs);

    const disabled = await adminCall(server.url, 'PATCH', `/api/admin/users/${bob.userId}`, {
      disabled: true,
    });
    expect(disabled.status).toBe(200);
    const final = serverStatsSchema.parse((await adminCall(server.url, 'GET', '/api/admin/stats')).body);
    expect(final.disabledUsers).toBe(after.disabledUsers + 1);
    device.close();
  });
});
