import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { closeAliceAndBob, registerAliceAndBob } from './aliceAndBob';
import { serverConfigArgs, startTestServer } from './realServer';

const newDir = useTempDirs('tidings-it-');

describe('recall against the real server', () => {
  let server: ServerProcess;
  let alice: EngineClient;
  let bob: EngineClient;

  beforeAll(async () => {
    server = await startTestServer();
    ({ alice, bob } = await registerAliceAndBob(server.url, newDir));
  });
  afterAll(async () => {
    await closeAliceAndBob(alice, bob, server);
  });

  it('recalls for everyone: both sides keep a tombstone, and a device that syncs later never sees the text', async () => {
    const conversation = await alice.call('conversations:open', { username: 'bob' });
    await waitFor(async () => (await alice.call('connection:get', {})).status === 'online', {
      what: 'online',
    });
    const sent = await alice.call('messages:send', { conversationId: conversation.id, text: 'SECRET typo' });
    await bob.waitForText('SECRET typo');
    await waitFor(() => alice.messageEvents().some((m) => m.id === sent.id && m.seq !== null), {
      what: 'numbered',
    });

    expect(await bob.host.dispatch('messages:recall', { id: sent.id })).toMatchObject({
      ok: false,
      error: { code: 'recall-forbidden' },
    });
    const recalled = await alice.call('messages:recall', { id: sent.id });
    expect(recalled).toMatchObject({ id: sent.id, body: {}, recalled: { by: alice.account.userId } });
    await waitFor(() => bob.messageEvents().some((m) => m.id === sent.id && m.recalled !== null), {
      what: 'bob’s tombstone',
    });
    expect(bob.query<{ body: string }>('SELECT body FROM messages WHERE fp = ?', sent.id)).toEqual([
      { body: '{}' },
    ]);
    await waitFor(
      async () => (await bob.call('conversations:list', {}))[0]?.lastMessage?.preview === '[recalled]',
      {
        what: 'preview',
      },
    );

    const laptop = createEngineClient(newDir());
    try {
      await laptop.login(server.url, 'bob');
      await waitFor(() => laptop.messageEvents().some((m) => m.id === sent.id), {
        what: 'the tombstone on a new device',
      });
      expect(laptop.messageEvents().find((m) => m.id === sent.id)).toMatchObject({
        recalled: { by: alice.account.userId },
      });
      expect(JSON.stringify(laptop.query('SELECT body FROM messages'))).not.toContain('SECRET');
    } finally {
      await laptop.close();
    }
  });
});

describe('token expiry against the real server', () => {
  let server: ServerProcess;
  let alice: EngineClient;
  const config = { auth: { accessTokenTtlSeconds: 1 } };

  beforeAll(async () => {
    server = await startServer({ args: serverConfigArgs(config) });
    alice = createEngineClient(newDir());
    await alice.register(server.url, 'alice', 'Alice');
  });
  afterAll(async () => {
    await alice?.close();
    await server?.stop();
  });

  it('refreshes an expired token on the next login and on a 401, never asking for the password', async () => {
    await waitFor(async () => (await alice.call('connection:get', {})).status === 'online', {
      what: 'online',
    });
    const refreshes = () => alice.logger.count('auth.refreshed');
    /** The server no longer takes the access token the engine holds now. */
    const tokenRefused = async () => {
      const file = fs.readFileSync(path.join(alice.dataDir, 'secrets.json'), 'utf8');
      const token = Object.entries(JSON.parse(file) as Record<string, string>).find(([k]) =>
        k.endsWith('/token'),
      )?.[1];
      const response = await fetch(`${server.url}/api/me`, {
        headers: { authorization: `Bearer ${token ?? ''}` },
      });
      return response.status === 401;
    };
    await waitFor(tokenRefused, { what: 'the access token to expire', intervalMs: 100 });

    // An HTTP call with the expired token refreshes and succeeds.
    expect(await alice.call('conversations:open', { username: 'alice' })).toMatchObject({
      peer: { username: 'alice' },
    });
    expect(refreshes()).toBe(1);
    await waitFor(tokenRefused, { what: 'the new access token to expire too', intervalMs: 100 });

    // A login with an expired token (after a server restart) is answered 1026; the engine refreshes.
    const logins = alice.logger.count('connection.ready');
    await server.kill();
    server = await startServer({
      port: server.port,
      dataDir: server.dataDir,
      args: serverConfigArgs(config),
    });
    await alice.waitForLogins(logins + 1);
    expect(alice.logger.count('auth.token-expired')).toBeGreaterThanOrEqual(1);
    expect(refreshes()).toBeGreaterThanOrEqual(2);
    await waitFor(async () => (await alice.call('connection:get', {})).status === 'online', {
      what: 'online again',
    });
    expect(
      alice.events.some((e) => e.name === 'connection:changed' && e.payload.status === 'auth-failed'),
    ).toBe(false);
  });
});
