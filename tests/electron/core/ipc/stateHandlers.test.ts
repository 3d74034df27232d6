import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../../helpers/serverProcess';
import { createHarness } from '../helpers/engineHarness';

describe('connection:get', () => {
  it('answers signed-out, then the live state of the session', async () => {
    const h = createHarness();
    expect(await h.call('connection:get', {})).toEqual({ status: 'signed-out' });
    await h.login();
    await h.waitForState('online');
    expect(await h.call('connection:get', {})).toEqual({ status: 'online', mode: 'tidings' });
    expect(h.states().at(-1)).toEqual({ status: 'online', mode: 'tidings' });
  });
});

describe('connection:retryNow', () => {
  it('is harmless when signed out or online, and reconnects at once while waiting', async () => {
    const h = createHarness({
      host: { tuning: { reconnectBaseMs: 60_000, reconnectCapMs: 60_000 }, random: () => 0.99 },
    });
    expect(await h.call('connection:retryNow', {})).toEqual({ status: 'signed-out' });
    await h.login();
    await h.waitForState('online');
    expect(await h.call('connection:retryNow', {})).toEqual({ status: 'online', mode: 'tidings' });
    h.server.last().drop();
    await h.waitForState('reconnecting');
    await h.call('connection:retryNow', {});
    await h.waitForState('online');
  });
});

describe('sync:get', () => {
  it('reports idle before sign-in, and progress with the last sync time after', async () => {
    const h = createHarness();
    expect(await h.call('sync:get', {})).toEqual({
      phase: 'idle',
      applied: 0,
      pendingConversations: 0,
      backfillRemaining: 0,
      lastSyncedAt: null,
      pendingSends: 0,
    });
    await h.login();
    await h.waitForSynced();
    expect((await h.call('sync:get', {})).lastSyncedAt).toEqual(expect.any(Number));
  });
});

describe('sync:now', () => {
  it('pulls what is new and answers when caught up; offline it says so', async () => {
    const h = createHarness({ server: { notify: false } });
    expect(await h.raw('sync:now', {})).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });
    await h.login();
    await h.waitForSynced();
    const message = h.server.incoming('u-bob', 'found by sync:now');
    const progress = await h.call('sync:now', {});
    expect(progress).toMatchObject({ phase: 'idle' });
    expect(
      (await h.call('messages:list', { conversationId: message.conversationId })).map((m) => m.id),
    ).toContain(message.fp);
    h.server.settings.reachable = false;
    h.server.last().drop();
    await waitFor(async () => (await h.call('connection:get', {})).status !== 'online', { what: 'offline' });
    expect(await h.raw('sync:now', {})).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});

describe('settings:get', () => {
  it('answers the defaults before anything is set, even signed out', async () => {
    const h = createHarness();
    expect(await h.call('settings:get', {})).toEqual({
      notifications: { enabled: true, sound: true, showPreview: true },
      doNotDisturb: { enabled: false, from: '22:00', to: '07:00' },
      sendKey: 'enter',
      theme: 'system',
      language: 'system',
      startAtLogin: false,
      updateChannel: 'stable',
    });
  });

  it('keeps every valid field of a damaged or older file and defaults the rest', async () => {
    const h = createHarness();
    fs.mkdirSync(h.dataDir, { recursive: true });
    fs.writeFileSync(
      path.join(h.dataDir, 'settings.json'),
      JSON.stringify({
        theme: 'dark',
        sendKey: 'shift',
        notifications: { enabled: false, sound: false, showPreview: true },
      }),
    );
    expect(await h.call('settings:get', {})).toMatchObject({
      theme: 'dark',
      sendKey: 'enter',
      notifications: { enabled: false, sound: false, showPreview: true },
    });
  });
});

describe('settings:set', () => {
  it('merges a partial change, keeps it across restarts and tells listeners', async () => {
    const h = createHarness();
    const next = await h.call('settings:set', {
      theme: 'dark',
      doNotDisturb: { enabled: true },
      language: 'zh-CN',
    });
    expect(next).toMatchObject({
      theme: 'dark',
      language: 'zh-CN',
      doNotDisturb: { enabled: true, from: '22:00', to: '07:00' },
    });
    expect(h.events.filter((e) => e.name === 'settings:changed').map((e) => e.payload)).toEqual([next]);
    await h.close();
    const again = createHarness({ dataDir: h.dataDir });
    expect(await again.call('settings:get', {})).toEqual(next);
    expect(await again.raw('settings:set', { theme: 'neon' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await again.raw('settings:set', { doNotDisturb: { from: '25:00' } })).toMatchObject({ ok: false });
    expect(await again.raw('settings:set', { bogus: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
