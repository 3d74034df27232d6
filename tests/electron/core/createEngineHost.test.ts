import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrameType } from '../../../shared/protocol';
import { createEngineHost } from '../../../electron/core';
import { waitFor } from '../../helpers/serverProcess';
import { createCaptureLogger } from './helpers/captureLogger';
import { createHarness, PASSWORD, SERVER } from './helpers/engineHarness';
import { useTempDirs } from './helpers/tempDirs';

const tempDir = useTempDirs();

describe('engine host', () => {
  it('answers before sign-in without touching the network', async () => {
    const h = createHarness();
    expect(await h.raw('auth:current', {})).toEqual({ ok: true, value: null });
    expect(await h.raw('connection:get', {})).toEqual({ ok: true, value: { status: 'signed-out' } });
    expect(await h.raw('conversations:list', {})).toMatchObject({
      ok: false,
      error: { code: 'not-logged-in' },
    });
    expect(await h.raw('messages:send', { conversationId: 'd:a:b', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-logged-in' },
    });
    expect(h.http.calls).toEqual([]);
    expect(h.server.sockets).toEqual([]);
  });

  it('maps HTTP failures to error codes', async () => {
    const h = createHarness();
    expect(
      await h.raw('auth:login', { serverUrl: SERVER, username: 'alice', password: 'nope!!' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-credentials' },
    });
    expect(
      await h.raw('auth:register', {
        serverUrl: SERVER,
        username: 'bob',
        password: 'secret1',
        displayName: 'B',
      }),
    ).toMatchObject({ ok: false, error: { code: 'username-taken' } });
    const invalid = await h.raw('auth:register', {
      serverUrl: SERVER,
      username: 'no spaces',
      password: 'secret1',
      displayName: 'B',
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(invalid.ok ? '' : invalid.error.message).toMatch(/username/);
  });

  it('reports an unreachable server', async () => {
    const host = createEngineHost({ dataDir: tempDir(), logger: createCaptureLogger(), logFile: false });
    try {
      const result = await host.dispatch('auth:login', {
        serverUrl: 'http://127.0.0.1:1',
        username: 'a',
        password: 'b',
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'server-unreachable' } });
    } finally {
      await host.close();
    }
  });

  it('fails sign-in when the gateway refuses the token, and answers anyway when it is unreachable', async () => {
    const refused = createHarness({ server: { loginCodes: [1025] } });
    expect(
      await refused.raw('auth:login', { serverUrl: SERVER, username: 'alice', password: PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'server-error' },
    });
    expect(await refused.raw('auth:current', {})).toEqual({ ok: true, value: null });

    const unreachable = createHarness({
      server: { reachable: false },
      host: { tuning: { loginWaitMs: 100 } },
    });
    expect(
      await unreachable.raw('auth:login', { serverUrl: SERVER, username: 'alice', password: PASSWORD }),
    ).toMatchObject({
      ok: true,
      value: { userId: 'u-alice' },
    });
    expect((await unreachable.call('connection:get', {})).status).toMatch(/connecting|reconnecting/);
  });

  it('keeps a message sent while offline and delivers it after the link comes back', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    const conversation = await h.call('conversations:open', { username: 'bob' });
    h.server.settings.reachable = false;
    h.server.last().drop();
    const sent = await h.call('messages:send', { conversationId: conversation.id, text: 'later' });
    await waitFor(() => h.server.sockets.length >= 3, { what: 'reconnect attempts' });
    expect(h.server.dataFrames().filter((f) => f.fp === sent.id)).toEqual([]);
    h.server.settings.reachable = true;
    await h.waitForMessage((m) => m.id === sent.id && m.status === 'sent', 'sent after reconnect');
  });

  it('never logs the token, the password or a message body, neither to its logger nor to its log file', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    await h.call('conversations:open', { username: 'bob' });
    await h.call('messages:send', { conversationId: 'd:u-alice:u-bob', text: 'TOP-SECRET-BODY' });
    h.server.incoming('u-bob', 'INCOMING-SECRET');
    await h.waitForMessage((m) => m.body.text === 'INCOMING-SECRET');
    await h.raw('auth:login', { serverUrl: SERVER, username: 'alice', password: 'wrong-PASSWORD-x' });
    const token = h.http.state.token;
    await h.close();
    const captured = JSON.stringify(h.logger.entries);
    const file = fs.readFileSync(path.join(h.dataDir, 'logs', 'engine.log'), 'utf8');
    expect(h.logger.entries.length).toBeGreaterThan(0);
    expect(file).toContain('"event":"connection.state"');
    for (const secret of [
      token,
      'ref-',
      PASSWORD,
      'wrong-PASSWORD-x',
      'TOP-SECRET-BODY',
      'INCOMING-SECRET',
    ]) {
      expect(captured).not.toContain(secret);
      expect(file).not.toContain(secret);
    }
  });

  it('refuses an account database written by a newer version, with a sentence the user can act on', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'accounts', 'u-alice', 'tidings.db');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const future = new Database(file);
    future.pragma('user_version = 999');
    future.close();
    const h = createHarness({ dataDir });
    const result = await h.raw('auth:login', { serverUrl: SERVER, username: 'alice', password: PASSWORD });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(result.ok ? '' : result.error.message).toMatch(/schema version 999.*Update Tidings/);
    expect(await h.raw('auth:current', {})).toEqual({ ok: true, value: null });
  });

  it('closes cleanly, logging out, and refuses work afterwards', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    await h.close();
    expect(h.server.last().frames().at(-1)?.type).toBe(FrameType.logout);
    expect(await h.raw('conversations:list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    await h.close();
  });
});
