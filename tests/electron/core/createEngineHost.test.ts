import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../shared/ipc';
import { FrameType, Typeu, type WireMessage } from '../../../shared/protocol';
import {
  createEngineHost,
  type EngineEvent,
  type EngineHost,
  type EngineHostOptions,
} from '../../../electron/core';
import { waitFor } from '../../helpers/serverProcess';
import { createCaptureLogger } from './helpers/captureLogger';
import { createFakeFetch, type Route } from './helpers/fakeFetch';
import { createFakeGateway, type FakeGatewayOptions } from './helpers/fakeGateway';
import { useTempDirs } from './helpers/tempDirs';

const newDir = useTempDirs();
const SERVER = 'http://tidings.test:7700';
const TOKEN = 'tok-alice-SECRET';
const PASSWORD = 'correct horse';

const profiles: Record<string, { userId: string; username: string; displayName: string }> = {
  'u-alice': { userId: 'u-alice', username: 'alice', displayName: 'Alice' },
  'u-bob': { userId: 'u-bob', username: 'bob', displayName: 'Bob' },
};

const api: Route = ({ method, path, body, auth }) => {
  const b = body as Record<string, string> | undefined;
  if (method === 'POST' && path === '/api/auth/login') {
    return b?.username === 'alice' && b.password === PASSWORD
      ? { status: 200, body: { userId: 'u-alice', token: TOKEN } }
      : { status: 401, body: { error: { code: 'invalid-credentials', message: 'wrong' } } };
  }
  if (method === 'POST' && path === '/api/auth/register') {
    return b?.username === 'bob'
      ? { status: 409, body: { error: { code: 'username-taken', message: 'taken' } } }
      : { status: 201, body: { userId: 'u-alice', token: TOKEN } };
  }
  if (auth !== `Bearer ${TOKEN}`)
    return { status: 401, body: { error: { code: 'unauthorized', message: 'no' } } };
  if (path === '/api/me') return { status: 200, body: profiles['u-alice'] };
  const byName = /^\/api\/users\/by-username\/(.+)$/.exec(path);
  if (byName) {
    const found = Object.values(profiles).find((p) => p.username === byName[1]);
    return found
      ? { status: 200, body: found }
      : { status: 404, body: { error: { code: 'user-not-found', message: '?' } } };
  }
  const byId = /^\/api\/users\/(.+)$/.exec(path);
  if (byId) {
    const found = profiles[byId[1] ?? ''];
    return found
      ? { status: 200, body: found }
      : { status: 404, body: { error: { code: 'user-not-found', message: '?' } } };
  }
  return undefined;
};

let hosts: EngineHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  hosts = [];
});

function setup(gatewayOptions: FakeGatewayOptions = {}, options: Partial<EngineHostOptions> = {}) {
  const gateway = createFakeGateway(gatewayOptions);
  const http = createFakeFetch(api);
  const logger = createCaptureLogger();
  const host = createEngineHost({
    dataDir: newDir(),
    fetch: http.fetch,
    WebSocket: gateway.WebSocket,
    logger,
    tuning: { loginWaitMs: 2_000, retryIntervalMs: 50, reconnectBaseMs: 10, reconnectCapMs: 50 },
    ...options,
  });
  hosts.push(host);
  const events: EngineEvent[] = [];
  host.onEvent((e) => events.push(e));
  const login = () =>
    host.dispatch('auth:login', { serverUrl: SERVER, username: 'alice', password: PASSWORD });
  const messageEvents = (): Message[] =>
    events.flatMap((e) => (e.name === 'messages:changed' ? e.payload.messages : []));
  const conversationEvents = (): Conversation[] =>
    events.flatMap((e) => (e.name === 'conversations:changed' ? e.payload.conversations : []));
  return { host, gateway, http, logger, events, login, messageEvents, conversationEvents };
}

describe('engine host (fake server)', () => {
  it('answers before sign-in without touching the network', async () => {
    const { host, http, gateway } = setup();
    expect(await host.dispatch('auth:current', {})).toEqual({ ok: true, value: null });
    expect(await host.dispatch('conversations:list', {})).toMatchObject({
      ok: false,
      error: { code: 'not-logged-in' },
    });
    expect(await host.dispatch('messages:send', { conversationId: 'd:a:b', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-logged-in' },
    });
    expect(http.calls).toEqual([]);
    expect(gateway.sockets).toEqual([]);
  });

  it('maps HTTP failures to error codes', async () => {
    const { host } = setup();
    expect(
      await host.dispatch('auth:login', { serverUrl: SERVER, username: 'alice', password: 'nope!!' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-credentials' } });
    expect(
      await host.dispatch('auth:register', {
        serverUrl: SERVER,
        username: 'bob',
        password: 'secret1',
        displayName: 'B',
      }),
    ).toMatchObject({ ok: false, error: { code: 'username-taken' } });
    const invalid = await host.dispatch('auth:register', {
      serverUrl: SERVER,
      username: 'no spaces',
      password: 'secret1',
      displayName: 'B',
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(invalid.ok ? '' : invalid.error.message).toMatch(/username/);
  });

  it('reports an unreachable server', async () => {
    const host = createEngineHost({ dataDir: newDir(), logger: createCaptureLogger() });
    hosts.push(host);
    const result = await host.dispatch('auth:login', {
      serverUrl: 'http://127.0.0.1:1',
      username: 'a',
      password: 'b',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'server-unreachable' } });
  });

  it('signs in, opens a conversation, sends, and sees the ACK turn the message sent', async () => {
    const { host, gateway, login, messageEvents, conversationEvents } = setup();
    expect(await login()).toEqual({
      ok: true,
      value: { userId: 'u-alice', username: 'alice', displayName: 'Alice', serverUrl: SERVER },
    });
    expect(gateway.last().url).toBe('ws://tidings.test:7700/websocket');
    expect(await host.dispatch('auth:current', {})).toMatchObject({ ok: true, value: { userId: 'u-alice' } });
    expect(await host.dispatch('conversations:open', { username: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'user-not-found' },
    });
    const opened = await host.dispatch('conversations:open', { username: 'bob' });
    expect(opened).toMatchObject({ ok: true, value: { id: 'd:u-alice:u-bob', title: 'Bob', unread: 0 } });

    const sent = await host.dispatch('messages:send', {
      conversationId: 'd:u-alice:u-bob',
      text: '你好 bob 👋',
    });
    expect(sent).toMatchObject({
      ok: true,
      value: { status: 'sending', outgoing: true, body: { text: '你好 bob 👋' } },
    });
    const fp = sent.ok ? (sent.value as Message).id : '';
    const frame = gateway.dataFrames().find((f) => f.fp === fp);
    expect(frame).toMatchObject({ from: 'u-alice', to: 'u-bob', QoS: true, typeu: Typeu.message });
    expect(JSON.parse(frame?.dataContent ?? '')).toEqual({ kind: 'text', body: { text: '你好 bob 👋' } });

    await waitFor(() => messageEvents().some((m) => m.id === fp && m.status === 'sent'), { what: 'sent' });
    expect(
      messageEvents()
        .filter((m) => m.id === fp)
        .map((m) => m.status),
    ).toEqual(['sending', 'sent']);
    expect(conversationEvents().at(-1)?.lastMessage).toMatchObject({
      preview: '你好 bob 👋',
      outgoing: true,
    });
    const listed = await host.dispatch('messages:list', { conversationId: 'd:u-alice:u-bob' });
    expect(listed).toMatchObject({ ok: true, value: [{ id: fp, status: 'sent' }] });
    expect(
      await host.dispatch('messages:send', { conversationId: 'd:u-alice:u-zed', text: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conversation-not-found' },
    });
  });

  it('applies a push from a new peer once, ACKs each copy, and fills in the peer’s profile', async () => {
    const { host, gateway, login, messageEvents, conversationEvents } = setup();
    await login();
    const wire: WireMessage = {
      id: 'srv-1',
      conversationId: 'd:u-alice:u-bob',
      seq: 1,
      fp: 'fp-from-bob',
      senderId: 'u-bob',
      sentAt: 1_000,
      kind: 'text',
      body: { text: 'hello alice' },
    };
    const frame = {
      type: FrameType.data,
      typeu: Typeu.messagePush,
      QoS: true,
      from: 'u-bob',
      to: 'u-alice',
      fp: wire.fp,
      dataContent: JSON.stringify(wire),
    };
    gateway.last().receive(frame);
    gateway.last().receive(frame);
    const acks = () =>
      gateway
        .last()
        .frames()
        .filter((f) => f.type === FrameType.ack && f.dataContent === wire.fp);
    await waitFor(() => acks().length === 2, { what: 'two ACKs' });
    await waitFor(() => conversationEvents().some((c) => c.title === 'Bob'), { what: 'profile' });
    expect(messageEvents().filter((m) => m.id === wire.fp)).toHaveLength(1);
    const list = await host.dispatch('conversations:list', {});
    expect(list).toMatchObject({
      ok: true,
      value: [{ id: wire.conversationId, unread: 1, peer: { username: 'bob' } }],
    });
  });

  it('fails sign-in when the gateway refuses the token, and answers anyway when it is unreachable', async () => {
    const refused = setup({ loginCode: 1025 });
    expect(await refused.login()).toMatchObject({ ok: false, error: { code: 'server-error' } });
    expect(await refused.host.dispatch('auth:current', {})).toEqual({ ok: true, value: null });

    const unreachable = setup({ reachable: false }, { tuning: { loginWaitMs: 100, loginTimeoutMs: 60_000 } });
    expect(await unreachable.login()).toMatchObject({ ok: true, value: { userId: 'u-alice' } });
  });

  it('keeps a message sent while offline and delivers it after the link comes back', async () => {
    const { host, gateway, login, messageEvents } = setup();
    await login();
    await host.dispatch('conversations:open', { username: 'bob' });
    gateway.settings.reachable = false;
    gateway.last().drop();
    const sent = await host.dispatch('messages:send', { conversationId: 'd:u-alice:u-bob', text: 'later' });
    const fp = sent.ok ? (sent.value as Message).id : '';
    await waitFor(() => gateway.sockets.length >= 3, { what: 'reconnect attempts' });
    expect(gateway.dataFrames().filter((f) => f.fp === fp)).toEqual([]);
    gateway.settings.reachable = true;
    await waitFor(() => messageEvents().some((m) => m.id === fp && m.status === 'sent'), {
      what: 'sent after reconnect',
    });
  });

  it('never logs the token, the password or a message body', async () => {
    const { host, login, logger } = setup({}, {});
    await login();
    await host.dispatch('conversations:open', { username: 'bob' });
    await host.dispatch('messages:send', { conversationId: 'd:u-alice:u-bob', text: 'TOP-SECRET-BODY' });
    await host.dispatch('auth:login', { serverUrl: SERVER, username: 'alice', password: 'wrong-PASSWORD-x' });
    await host.close();
    const text = JSON.stringify(logger.entries);
    expect(logger.entries.length).toBeGreaterThan(0);
    for (const secret of [TOKEN, PASSWORD, 'wrong-PASSWORD-x', 'TOP-SECRET-BODY'])
      expect(text).not.toContain(secret);
  });

  it('refuses an account database written by a newer version, with a sentence the user can act on', async () => {
    const dataDir = newDir();
    const file = path.join(dataDir, 'accounts', 'u-alice', 'tidings.db');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const future = new Database(file);
    future.pragma('user_version = 999');
    future.close();
    const { host, login } = setup({}, { dataDir });
    const result = await login();
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(result.ok ? '' : result.error.message).toMatch(/schema version 999.*Update Tidings/);
    expect(await host.dispatch('auth:current', {})).toEqual({ ok: true, value: null });
  });

  it('closes cleanly and refuses work afterwards', async () => {
    const { host, gateway, login } = setup();
    await login();
    await host.close();
    expect(gateway.last().frames().at(-1)?.type).toBe(FrameType.logout);
    expect(await host.dispatch('conversations:list', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    await host.close();
  });
});
