import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState, Message } from '../../../../shared/ipc';
import { FrameType } from '../../../../shared/protocol';
import {
  createEngineHost,
  type EngineEvent,
  type EngineHost,
  type EngineHostOptions,
} from '../../../../electron/core';
import { waitFor } from '../../../helpers/serverProcess';
import { createCaptureLogger } from '../helpers/captureLogger';
import { createFakeHttp, fastTuning } from '../helpers/engineHarness';
import { startFakeStockServer, type FakeStockServer } from '../helpers/fakeStockServer';
import { createInterceptingWebSocket } from '../helpers/interceptingWebSocket';
import { useTempDirs } from '../helpers/tempDirs';

const tempDir = useTempDirs('tidings-basic-');
let server: FakeStockServer | null = null;
const hosts: EngineHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
  await server?.close();
  server = null;
});

/** Keepalive every 100 ms (the 5S mode's 5 s, scaled down) against a server expiring links after 1.5 s. */
const scaled = { ...fastTuning, keepaliveIntervalMs: 100, keepaliveTimeoutMs: 1_000 };

function engine(options: Partial<EngineHostOptions> = {}) {
  const logger = createCaptureLogger();
  const dataDir = options.dataDir ?? tempDir();
  const host = createEngineHost({ dataDir, logger, ...options, tuning: { ...scaled, ...options.tuning } });
  hosts.push(host);
  const events: EngineEvent[] = [];
  host.onEvent((e) => events.push(e));
  const call = async (channel: Parameters<EngineHost['dispatch']>[0], request: unknown) => {
    const result = await host.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value;
  };
  const messages = (): Message[] =>
    events.flatMap((e) => (e.name === 'messages:changed' ? e.payload.messages : []));
  const state = async () => (await call('connection:get', {})) as ConnectionState;
  return { host, logger, events, call, messages, state, dataDir };
}

const loginBasic = (e: ReturnType<typeof engine>, userId: string, wsUrl: string) =>
  e.call('auth:loginBasic', { wsUrl, userId, token: 'any-token', senseMode: '5S' });

describe('basic mode against a stock MobileIMSDK server', () => {
  it('signs in with any id and token, says basic with what is unavailable, and exchanges text with QoS', async () => {
    server = await startFakeStockServer({ expireMs: 1_500 });
    const alice = engine();
    const bob = engine();
    expect(await loginBasic(alice, '10001', server.url)).toEqual({
      userId: '10001',
      username: '10001',
      displayName: '10001',
      serverUrl: server.url,
      mode: 'basic',
    });
    await loginBasic(bob, '10002', server.url);
    expect(await alice.state()).toEqual({
      status: 'basic',
      mode: 'basic',
      unavailable: ['history-sync', 'groups', 'files', 'recall', 'read-receipts'],
    });
    // A stock client logs in without Tidings' extra.
    const login = server.received.find((r) => r.frame.type === FrameType.login);
    expect(JSON.parse(login?.frame.dataContent ?? '{}')).toMatchObject({ loginUserId: '10001', extra: null });

    const conversation = (await alice.call('conversations:open', { username: '10002' })) as { id: string };
    expect(conversation.id).toBe('d:10001:10002');
    const sent = (await alice.call('messages:send', {
      conversationId: conversation.id,
      text: 'hello from basic 👋',
    })) as Message;
    expect(sent).toMatchObject({ status: 'sending', seq: 1 });
    const relayed = await waitFor(() => server?.relayed.find((f) => f.fp === sent.id), { what: 'relay' });
    expect(relayed).toMatchObject({
      typeu: -1,
      QoS: true,
      dataContent: 'hello from basic 👋',
      from: '10001',
      to: '10002',
    });
    await waitFor(() => alice.messages().some((m) => m.id === sent.id && m.status === 'sent'), {
      what: 'sent',
    });
    await waitFor(() => bob.messages().some((m) => m.id === sent.id), { what: 'received' });
    expect(bob.messages().find((m) => m.id === sent.id)).toMatchObject({
      status: 'received',
      outgoing: false,
      body: { text: 'hello from basic 👋' },
    });
    const bobAck = server.received.find((r) => r.from === '10002' && r.frame.type === FrameType.ack);
    expect(bobAck?.frame).toMatchObject({ dataContent: sent.id, to: '10001' });
    expect(await alice.host.dispatch('sync:now', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable-in-basic-mode' },
    });
    expect(await alice.host.dispatch('messages:recall', { id: sent.id })).toMatchObject({
      ok: false,
      error: { code: 'unavailable-in-basic-mode' },
    });
  });

  it('keeps the link alive with the short sense mode past the server’s expire time', async () => {
    server = await startFakeStockServer({ expireMs: 400 });
    const alice = engine();
    await loginBasic(alice, '10001', server.url);
    // Enough beats to span several expire periods.
    await waitFor(
      () => server && server.received.filter((r) => r.frame.type === FrameType.keepalive).length >= 12,
      {
        what: 'twelve keepalives',
      },
    );
    expect(server.expiredCount()).toBe(0);
    expect(alice.logger.count('connection.ready')).toBe(1);
    expect((await alice.state()).status).toBe('basic');
  });

  it('stores a message once when the stock server delivers it twice, ACKing both copies', async () => {
    server = await startFakeStockServer({ expireMs: 2_000, receiverRetryMs: 50 });
    // Bob's first ACK of each message is lost, so the server retries the relay.
    const seen = new Set<string>();
    const lossy = createInterceptingWebSocket({
      outbound: (frame) => {
        if (frame.type !== FrameType.ack || frame.dataContent === null || seen.has(frame.dataContent))
          return true;
        seen.add(frame.dataContent);
        return false;
      },
    });
    const alice = engine();
    const bob = engine({ WebSocket: lossy.WebSocket });
    await loginBasic(alice, '10001', server.url);
    await loginBasic(bob, '10002', server.url);
    await alice.call('conversations:open', { username: '10002' });
    const sent = (await alice.call('messages:send', {
      conversationId: 'd:10001:10002',
      text: 'twice',
    })) as Message;
    await waitFor(() => server && server.relayed.filter((f) => f.fp === sent.id).length === 2, {
      what: 'second relay',
    });
    await waitFor(
      () =>
        lossy.sentByEngine.filter((f) => f.type === FrameType.ack && f.dataContent === sent.id).length === 2,
      {
        what: 'two ACKs',
      },
    );
    expect(bob.messages().filter((m) => m.id === sent.id)).toHaveLength(1);
    expect(((await bob.call('messages:list', { conversationId: 'd:10001:10002' })) as Message[]).length).toBe(
      1,
    );
  });

  it('fails a message after the stock retry budget when nobody receives it, and retries it on request', async () => {
    server = await startFakeStockServer({ expireMs: 2_000 });
    const alice = engine();
    await loginBasic(alice, '10001', server.url);
    await alice.call('conversations:open', { username: '10002' });
    const sent = (await alice.call('messages:send', {
      conversationId: 'd:10001:10002',
      text: 'anyone?',
    })) as Message;
    await waitFor(() => alice.messages().some((m) => m.id === sent.id && m.status === 'failed'), {
      what: 'failed',
    });
    expect(
      server.received.filter((r) => r.frame.type === FrameType.data && r.frame.fp === sent.id),
    ).toHaveLength(3);
    const bob = engine();
    await loginBasic(bob, '10002', server.url);
    expect(await alice.call('messages:retry', { id: sent.id })).toMatchObject({
      id: sent.id,
      status: 'sending',
    });
    await waitFor(() => alice.messages().some((m) => m.id === sent.id && m.status === 'sent'), {
      what: 'sent on retry',
    });
    await waitFor(() => bob.messages().some((m) => m.id === sent.id), { what: 'bob has it' });
  });

  it('detects a stock server when a Tidings sign-in gets no hello, and shortens its keepalive', async () => {
    server = await startFakeStockServer({ expireMs: 6_000 });
    const http = createFakeHttp();
    // A long Tidings sense mode would let the server expire the link; the basic one beats in time.
    const alice = engine({
      fetch: http.fetch,
      tuning: {
        keepaliveIntervalMs: null,
        keepaliveTimeoutMs: null,
        helloTimeoutMs: 50,
        senseMode: '120S',
        basicSenseMode: '3S',
      },
    });
    // The HTTP answers come from the fake; the gateway address derives from the same URL.
    const serverUrl = `http://127.0.0.1:${server.port}`;
    await alice.call('auth:login', { serverUrl, username: 'alice', password: 'correct horse' });
    await waitFor(async () => (await alice.state()).status === 'basic', { what: 'basic detected' });
    expect(await alice.state()).toMatchObject({ status: 'basic', mode: 'tidings' });
    expect(alice.logger.count('connection.basic-detected')).toBe(1);
    await waitFor(() => server?.received.some((r) => r.frame.type === FrameType.keepalive), {
      what: 'a 3S beat',
    });
    expect(server.expiredCount()).toBe(0);
  });

  it('signs a basic account in again after a restart', async () => {
    server = await startFakeStockServer({ expireMs: 2_000 });
    const first = engine();
    await loginBasic(first, '10001', server.url);
    await first.host.close();
    const second = engine({ dataDir: first.dataDir });
    expect(await second.call('auth:current', {})).toMatchObject({
      userId: '10001',
      mode: 'basic',
      serverUrl: server.url,
    });
    await waitFor(async () => (await second.state()).status === 'basic', { what: 'basic again' });
  });
});
