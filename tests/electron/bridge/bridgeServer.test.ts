import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeServer, type BridgeServer } from '../../../electron/bridge/bridgeServer';
import { MAX_PASTED_BYTES } from '../../../shared/ipc/channels/files';
import { waitFor } from '../../helpers/serverProcess';
import { fakeEngine, type FakeEngine } from './fakeEngine';
import { rawRequest } from './httpGet';
import { connect } from './wsClient';

let workDir: string;
let engine: FakeEngine;
let bridge: BridgeServer;

const SECRET = 'top secret outside the static folder';

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-bridge-test-'));
  const staticDir = path.join(workDir, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(workDir, 'secret.txt'), SECRET);
  fs.symlinkSync(path.join(workDir, 'secret.txt'), path.join(staticDir, 'link.txt'));
  engine = fakeEngine();
  bridge = await startBridgeServer({ engine, staticDir, port: 0 });
});

afterAll(async () => {
  await bridge?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const ipcUrl = (token: string): string =>
  `ws://127.0.0.1:${bridge.port}/ipc?token=${encodeURIComponent(token)}`;

describe('bridge host: static files', () => {
  it('listens on loopback and prints a page URL carrying the token', () => {
    expect(bridge.origin).toBe(`http://127.0.0.1:${bridge.port}`);
    expect(bridge.pageUrl).toBe(`${bridge.origin}/?token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the page and its assets with the right content types', async () => {
    const page = await rawRequest(bridge.port, `/?token=${bridge.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('<title>t</title>');

    expect((await rawRequest(bridge.port, '/assets/app.js')).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await rawRequest(bridge.port, '/assets/app.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect((await rawRequest(bridge.port, '/assets/missing.js')).status).toBe(404);
    expect((await rawRequest(bridge.port, '/index.html', 'POST')).status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%00/../secret.txt',
    '/link.txt',
    `/${'../'.repeat(12)}etc/passwd`,
  ])('never serves anything outside the folder for %s', async (target) => {
    const response = await rawRequest(bridge.port, target);
    expect(response.status).not.toBe(200);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('root:');
  });
});

describe('bridge host: WebSocket admission', () => {
  it('refuses a wrong or missing token with 403', async () => {
    await expect(connect(ipcUrl('wrong'), bridge.origin)).resolves.toEqual({ kind: 'refused', status: 403 });
    await expect(connect(ipcUrl(bridge.token.slice(0, -1)), bridge.origin)).resolves.toEqual({
      kind: 'refused',
      status: 403,
    });
    await expect(connect(`ws://127.0.0.1:${bridge.port}/ipc`, bridge.origin)).resolves.toEqual({
      kind: 'refused',
      status: 403,
    });
  });

  it('refuses another Origin, or none, with 403 even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${bridge.port}`, 'null', undefined]) {
      await expect(connect(ipcUrl(bridge.token), origin)).resolves.toEqual({ kind: 'refused', status: 403 });
    }
  });

  it('refuses upgrades on other paths', async () => {
    const url = `ws://127.0.0.1:${bridge.port}/other?token=${bridge.token}`;
    await expect(connect(url, bridge.origin)).resolves.toEqual({ kind: 'refused', status: 404 });
  });
});

describe('bridge host: relay', () => {
  it('relays dispatch results by id and engine events, and unsubscribes on close', async () => {
    const connection = await connect(ipcUrl(bridge.token), bridge.origin);
    if (connection.kind !== 'open') throw new Error(`refused: ${connection.status}`);
    const { socket, frames } = connection;

    socket.send(JSON.stringify({ id: 7, channel: 'auth:current', request: {} }));
    await waitFor(() => frames.length === 1, { what: 'the reply' });
    expect(frames[0]).toEqual({ id: 7, result: { ok: true, value: { echo: 'auth:current', request: {} } } });

    const payload = { conversations: [] };
    engine.emit({ name: 'conversations:changed', payload });
    await waitFor(() => frames.length === 2, { what: 'the event' });
    expect(frames[1]).toEqual({ event: 'conversations:changed', payload });

    const before = engine.listenerCount();
    socket.close();
    await connection.closed;
    await waitFor(() => engine.listenerCount() === before - 1, { what: 'the unsubscribe' });
  });

  it('refuses a request naming a path on this computer, without calling the engine', async () => {
    const callsBefore = engine.calls.length;
    const connection = await connect(ipcUrl(bridge.token), bridge.origin);
    if (connection.kind !== 'open') throw new Error(`refused: ${connection.status}`);
    const request = { conversationId: 'd:1:2', source: { type: 'path', path: '/etc/passwd' } };
    connection.socket.send(JSON.stringify({ id: 3, channel: 'files:send', request }));
    await waitFor(() => connection.frames.length === 1, { what: 'the reply' });
    expect(connection.frames[0]).toMatchObject({
      id: 3,
      result: { ok: false, error: { code: 'forbidden-sender' } },
    });
    expect(engine.calls.length).toBe(callsBefore);
    connection.socket.close();
    await connection.closed;
  });

  it('relays a files:send carrying the largest file the page may paste or drop', async () => {
    const connection = await connect(ipcUrl(bridge.token), bridge.origin);
    if (connection.kind !== 'open') throw new Error(`refused: ${connection.status}`);
    const dataBase64 = Buffer.alloc(MAX_PASTED_BYTES, 7).toString('base64');
    const request = {
      conversationId: 'd:1:2',
      source: { type: 'bytes', name: '大 文件 #1.bin', dataBase64 },
    };
    connection.socket.send(JSON.stringify({ id: 4, channel: 'files:send', request }));
    await waitFor(() => connection.frames.length === 1, { what: 'the reply', timeoutMs: 30_000 });
    expect(connection.frames[0]).toMatchObject({ id: 4, result: { ok: true } });
    expect(engine.calls.at(-1)).toEqual({ channel: 'files:send', request });
    connection.socket.close();
    await connection.closed;
  });

  it.each([
    ['not JSON', 'hello'],
    ['no id', JSON.stringify({ channel: 'auth:current', request: {} })],
    ['a string id', JSON.stringify({ id: 'x', channel: 'auth:current', request: {} })],
    ['no channel', JSON.stringify({ id: 1, request: {} })],
    ['an array', JSON.stringify([1, 'auth:current', {}])],
  ])('hangs up on a malformed frame (%s) without calling the engine or crashing', async (_what, frame) => {
    const callsBefore = engine.calls.length;
    const connection = await connect(ipcUrl(bridge.token), bridge.origin);
    if (connection.kind !== 'open') throw new Error(`refused: ${connection.status}`);

    connection.socket.send(frame);
    expect(await connection.closed).toBe(1008);
    expect(engine.calls.length).toBe(callsBefore);
    expect((await rawRequest(bridge.port, '/')).status).toBe(200);
  });

  it('hangs up on binary frames', async () => {
    const connection = await connect(ipcUrl(bridge.token), bridge.origin);
    if (connection.kind !== 'open') throw new Error(`refused: ${connection.status}`);
    connection.socket.send(Buffer.from([1, 2, 3]));
    expect(await connection.closed).toBe(1003);
  });
});
