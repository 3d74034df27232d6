import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, RequestOf } from '../../../../shared/ipc';
import { createEngineHost } from '../../../../electron/core';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createCaptureLogger } from '../helpers/captureLogger';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { startFakeStockServer } from '../helpers/fakeStockServer';
import { useTempDirs } from '../helpers/tempDirs';
import { startTestServer } from '../integration/realServer';
import { payloads, waitOnline } from '../social/friendsHelpers';

const newDir = useTempDirs('tidings-contact-handlers-');
let server: ServerProcess;
let alice: EngineClient;
let bob: EngineClient;

beforeAll(async () => {
  server = await startTestServer();
  alice = createEngineClient(newDir());
  bob = createEngineClient(newDir());
  await alice.register(server.url, 'alice', 'Alice');
  await bob.register(server.url, 'bob', 'Bob');
  await waitOnline(alice);
  await waitOnline(bob);
});

afterAll(async () => {
  await alice?.close();
  await bob?.close();
  await server?.stop();
});

const valid: { [C in Channel]?: RequestOf<C> } = {
  'contacts:list': {},
  'contacts:search': { query: 'a' },
  'contacts:setRemark': { userId: 'u', remark: 'r' },
  'contacts:delete': { userId: 'u' },
  'contacts:block': { userId: 'u' },
  'contacts:unblock': { userId: 'u' },
  'friends:requests': {},
  'friends:request': { username: 'bob' },
  'friends:accept': { userId: 'u' },
  'friends:reject': { userId: 'u' },
  'presence:get': { userIds: ['u'] },
  'presence:getPrivacy': {},
  'presence:setPrivacy': { hideLastSeen: true },
};

describe('contact, friend and presence channels', () => {
  it('need a sign-in', async () => {
    const host = createEngineHost({ dataDir: newDir(), logger: createCaptureLogger() });
    try {
      for (const [channel, request] of Object.entries(valid)) {
        const result = await host.dispatch(channel, request);
        expect([channel, result.ok ? null : result.error.code]).toEqual([channel, 'not-logged-in']);
      }
    } finally {
      await host.close();
    }
  });

  it('refuse invalid requests before they reach the engine', async () => {
    for (const [channel, request] of [
      ['friends:request', { username: ' ' }],
      ['friends:request', { username: 'bob', message: 'x'.repeat(501) }],
      ['contacts:setRemark', { userId: 'u', remark: 'x'.repeat(65) }],
      ['presence:get', { userIds: [] }],
      ['contacts:list', { extra: 1 }],
    ] as const)
      expect(await alice.host.dispatch(channel, request)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
  });

  it('explain refused commands: yourself, nobody, nothing pending', async () => {
    expect(await alice.host.dispatch('friends:request', { username: 'alice' })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'You cannot ask yourself to be friends.' },
    });
    expect(await alice.host.dispatch('friends:request', { username: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'user-not-found' },
    });
    expect(await alice.host.dispatch('friends:accept', { userId: bob.account.userId })).toEqual({
      ok: false,
      error: { code: 'friend-request-not-found', message: 'That user has not asked to be friends with you.' },
    });
  });

  it('emit what a command changed on the device that made it, and feed the quick switcher', async () => {
    await bob.call('friends:request', { username: 'alice', message: '' });
    const outgoing = payloads(bob, 'friends:requestsChanged').at(-1)?.requests;
    expect(outgoing).toMatchObject([
      { userId: alice.account.userId, username: 'alice', direction: 'outgoing' },
    ]);
    await waitFor(() => payloads(alice, 'friends:requestsChanged').length > 0, { what: 'the request' });

    const before = payloads(alice, 'contacts:changed').length;
    const contact = await alice.call('friends:accept', { userId: bob.account.userId });
    expect(payloads(alice, 'contacts:changed').slice(before)[0]?.contacts).toEqual([contact]);
    expect(payloads(alice, 'friends:requestsChanged').at(-1)?.requests).toEqual([]);

    await alice.call('contacts:setRemark', { userId: bob.account.userId, remark: '鲍勃' });
    const found = await waitFor(
      async () => {
        const entries = await alice.call('search:switcher', { query: '鲍勃' });
        return entries.find((e) => e.id === bob.account.userId) ?? null;
      },
      { what: 'bob in the switcher by his remark' },
    );
    expect(found).toMatchObject({ kind: 'contact' });

    const conversation = await alice.call('conversations:open', { username: 'bob' });
    await alice.call('contacts:delete', { userId: bob.account.userId });
    expect(payloads(alice, 'contacts:removed').at(-1)).toEqual({ userIds: [bob.account.userId] });
    // The remark goes with the contact; the conversation stays findable by the peer's name.
    await waitFor(
      async () => {
        const entries = await alice.call('search:switcher', { query: 'bob' });
        return entries.some((e) => e.id === bob.account.userId && e.conversationId === conversation.id);
      },
      { what: 'the conversation with bob in the switcher' },
    );
    expect(await alice.call('search:switcher', { query: '鲍勃' })).toEqual([]);
  });

  it('answer offline for commands while the server is gone, and keep the local lists', async () => {
    const lonely = await startTestServer();
    const carol = createEngineClient(newDir());
    try {
      await carol.register(lonely.url, 'carol', 'Carol');
      await waitOnline(carol);
      await lonely.stop();
      await waitFor(async () => (await carol.call('connection:get', {})).status !== 'online', {
        what: 'the link down',
      });
      expect(await carol.host.dispatch('friends:request', { username: 'dan' })).toMatchObject({
        ok: false,
        error: { code: 'offline' },
      });
      expect(await carol.call('contacts:list', {})).toEqual([]);
      expect(await carol.call('presence:getPrivacy', {})).toEqual({ hideLastSeen: false });
    } finally {
      await carol.close();
    }
  });

  it('are unavailable in basic mode, except the local lists', async () => {
    const stock = await startFakeStockServer();
    const host = createEngineHost({ dataDir: newDir(), logger: createCaptureLogger() });
    try {
      const login = await host.dispatch('auth:loginBasic', {
        wsUrl: stock.url,
        userId: '10001',
        token: 't',
        senseMode: '5S',
      });
      expect(login.ok).toBe(true);
      expect(await host.dispatch('friends:request', { username: 'bob' })).toMatchObject({
        ok: false,
        error: { code: 'unavailable-in-basic-mode' },
      });
      expect(await host.dispatch('contacts:list', {})).toEqual({ ok: true, value: [] });
    } finally {
      await host.close();
      await stock.close();
    }
  });
});
