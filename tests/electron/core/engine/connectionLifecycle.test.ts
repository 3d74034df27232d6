import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrameType, loginRequestSchema } from '../../../../shared/protocol';
import { waitFor } from '../../../helpers/serverProcess';
import { createHarness, ME } from '../helpers/engineHarness';

const logins = (h: ReturnType<typeof createHarness>) =>
  h.server.sockets.flatMap((s) =>
    s
      .frames()
      .filter((f) => f.type === FrameType.login)
      .map((f) => loginRequestSchema.parse(JSON.parse(f.dataContent ?? '{}'))),
  );

describe('engine: the account survives restarts', () => {
  it('signs in again by itself after a restart, resending the first-login time, with one device id', async () => {
    const first = createHarness();
    await first.login();
    await first.waitForSynced();
    await first.close();
    expect((fs.statSync(path.join(first.dataDir, 'secrets.json')).mode & 0o777).toString(8)).toBe('600');

    const second = createHarness({ dataDir: first.dataDir, shared: first });
    expect(await second.call('auth:current', {})).toMatchObject({ userId: ME, mode: 'tidings' });
    await second.waitForState('online');
    const [fresh, again] = logins(second);
    expect(fresh?.firstLoginTime).toBe(0);
    expect(again?.firstLoginTime).toBeGreaterThan(0);
    const deviceOf = (extra: string | null | undefined) =>
      (JSON.parse(extra ?? '{}') as { deviceId?: string }).deviceId;
    expect(deviceOf(again?.extra)).toBe(deviceOf(fresh?.extra));
    expect(deviceOf(fresh?.extra)).toEqual(expect.any(String));
    // Nothing was re-typed: the restored session answers channels like the first one did.
    expect(await second.call('conversations:list', {})).toEqual([]);
  });

  it('forgets the account and its tokens on logout, keeping the history on disk', async () => {
    const first = createHarness();
    await first.login();
    await first.waitForSynced();
    expect(await first.call('auth:logout', {})).toBeNull();
    expect(await first.call('auth:current', {})).toBeNull();
    expect(await first.call('connection:get', {})).toEqual({ status: 'signed-out' });
    expect(first.server.sockets.at(-1)?.frames().at(-1)?.type).toBe(FrameType.logout);
    const secrets = fs.readFileSync(path.join(first.dataDir, 'secrets.json'), 'utf8');
    expect(secrets).not.toContain('tok-');
    expect(fs.existsSync(path.join(first.dataDir, 'accounts', ME, 'tidings.db'))).toBe(true);
    await first.close();
    const second = createHarness({ dataDir: first.dataDir, shared: first });
    expect(await second.call('auth:current', {})).toBeNull();
  });

  it('opens the stored account for reading but asks for the password when its tokens are gone', async () => {
    const first = createHarness();
    await first.login();
    await first.waitForSynced();
    await first.close();
    fs.rmSync(path.join(first.dataDir, 'secrets.json'));
    const second = createHarness({ dataDir: first.dataDir, shared: first });
    expect(await second.call('auth:current', {})).toMatchObject({ userId: ME });
    expect(await second.call('connection:get', {})).toEqual({
      status: 'auth-failed',
      mode: 'tidings',
      reason: 'credentials-missing',
    });
    expect(await second.call('conversations:list', {})).toEqual([]);
  });
});

describe('engine: tokens', () => {
  it('refreshes an expired access token and logs in with the new one, without asking for the password', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    const before = h.http.state.token;
    h.server.settings.loginCodes.push(1026);
    h.server.last().drop();
    await waitFor(() => h.http.calls.some((c) => c.path === '/api/auth/refresh'), { what: 'refresh' });
    await waitFor(
      () => logins(h).at(-1)?.loginToken === h.http.state.token && h.http.state.token !== before,
      {
        what: 'login with the new token',
      },
    );
    await h.waitForState('online');
    expect(h.states().some((s) => s.status === 'auth-failed')).toBe(false);
    // The new tokens are what a restart would use.
    expect(fs.readFileSync(path.join(h.dataDir, 'secrets.json'), 'utf8')).toContain(
      h.http.state.refreshToken,
    );
  });

  it('refreshes on a 401 from the HTTP API and retries the call once', async () => {
    const h = createHarness();
    await h.login();
    h.http.expireAccessToken();
    expect(await h.call('conversations:open', { username: 'bob' })).toMatchObject({ title: 'Bob' });
    expect(h.http.calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('asks for the password only when the refresh is refused', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    h.http.state.refreshWorks = false;
    h.server.settings.loginCodes.push(1026);
    h.server.last().drop();
    await waitFor(() => h.logger.count('auth.refresh-rejected') === 1, { what: 'refused refresh' });
    const scheduled = h.logger.count('connection.reconnect-scheduled');
    expect(await h.waitForState('auth-failed')).toEqual({
      status: 'auth-failed',
      mode: 'tidings',
      reason: 'session-expired',
    });
    // Nothing is scheduled any more: the engine waits for the password.
    expect(h.logger.count('connection.reconnect-scheduled')).toBe(scheduled);
    expect(h.logger.count('connection.ready')).toBe(1);
    // Signing in again with the password brings it back.
    await h.login();
    await h.waitForState('online');
  });
});

describe('engine: kickout, backoff and system events', () => {
  it('stops on a kickout by another login of this device, says why, and signs in again only when asked', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    const scheduled = h.logger.count('connection.reconnect-scheduled');
    h.server.last().kick(1);
    expect(await h.waitForState('kicked')).toEqual({
      status: 'kicked',
      mode: 'tidings',
      reason: 'other-login',
    });
    // The kickout halts the link at once: no reconnect is ever scheduled.
    expect(h.logger.count('connection.reconnect-scheduled')).toBe(scheduled);
    expect(h.server.live()).toEqual([]);
    await h.call('connection:retryNow', {});
    await h.waitForState('online');
    expect(logins(h).at(-1)?.firstLoginTime).toBe(0);
  });

  it('names an administrator’s kickout', async () => {
    const h = createHarness();
    await h.login();
    await h.waitForState('online');
    h.server.last().kick(2);
    expect(await h.waitForState('kicked')).toMatchObject({ reason: 'admin' });
  });

  it('reports reconnecting with the next attempt time, offline when the OS says so, and retries at once when it is back', async () => {
    const h = createHarness({
      host: { tuning: { reconnectBaseMs: 60_000, reconnectCapMs: 60_000 }, random: () => 0.99 },
    });
    await h.login();
    await h.waitForState('online');
    h.server.last().drop();
    const reconnecting = await h.waitForState('reconnecting');
    expect(reconnecting).toMatchObject({ mode: 'tidings', attempt: 1 });
    expect(reconnecting.status === 'reconnecting' && reconnecting.nextAttemptAt).toBeGreaterThan(
      Date.now() + 30_000,
    );
    h.host.notifySystem('offline');
    await h.waitForState('offline');
    const attempts = h.server.sockets.length;
    h.host.notifySystem('online');
    await h.waitForState('online');
    expect(h.server.sockets.length).toBe(attempts + 1);
  });

  it('retries now when asked while waiting out the backoff', async () => {
    const h = createHarness({
      host: { tuning: { reconnectBaseMs: 60_000, reconnectCapMs: 60_000 }, random: () => 0.99 },
    });
    await h.login();
    await h.waitForState('online');
    h.server.last().drop();
    await h.waitForState('reconnecting');
    expect((await h.call('connection:retryNow', {})).status).toMatch(/connecting|online/);
    await h.waitForState('online');
  });
});
