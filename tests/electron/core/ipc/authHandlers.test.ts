import { describe, expect, it } from 'vitest';
import { startFakeStockServer } from '../helpers/fakeStockServer';
import { createHarness, ME, PASSWORD, SERVER } from '../helpers/engineHarness';

describe('auth:register', () => {
  it('creates the account on the server, signs in and answers the account', async () => {
    const h = createHarness();
    const account = await h.call('auth:register', {
      serverUrl: SERVER,
      username: 'alice',
      password: 'secret-1',
      displayName: 'Alice',
    });
    expect(account).toEqual({
      userId: ME,
      username: 'alice',
      displayName: 'Alice',
      serverUrl: SERVER,
      mode: 'tidings',
    });
    expect(h.http.calls.map((c) => c.path)).toEqual(['/api/auth/register', '/api/me']);
    expect(
      await h.raw('auth:register', {
        serverUrl: SERVER,
        username: 'bob',
        password: 'secret-1',
        displayName: 'B',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'username-taken' },
    });
  });
});

describe('auth:login', () => {
  it('signs in with the password; a wrong one is invalid-credentials and changes nothing', async () => {
    const h = createHarness();
    expect(
      await h.raw('auth:login', { serverUrl: SERVER, username: 'alice', password: 'nope' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-credentials' },
    });
    expect(await h.call('auth:current', {})).toBeNull();
    expect(
      await h.call('auth:login', { serverUrl: SERVER, username: 'alice', password: PASSWORD }),
    ).toMatchObject({ userId: ME });
    expect(await h.raw('auth:login', { serverUrl: 'ftp://x', username: 'a', password: 'b' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});

describe('auth:loginBasic', () => {
  it('signs in to a stock server with a user id and token; a refusal is invalid-credentials', async () => {
    const stock = await startFakeStockServer({ checkLogin: (userId) => (userId === 'banned' ? 1025 : 0) });
    try {
      const h = createHarness({ host: { WebSocket: undefined } });
      const account = await h.call('auth:loginBasic', { wsUrl: stock.url, userId: '777', token: 't' });
      expect(account).toEqual({
        userId: '777',
        username: '777',
        displayName: '777',
        serverUrl: stock.url,
        mode: 'basic',
      });
      expect((await h.call('connection:get', {})).status).toBe('basic');
      expect(
        await h.raw('auth:loginBasic', { wsUrl: stock.url, userId: 'banned', token: 't' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid-credentials' },
      });
      expect(await h.call('auth:current', {})).toBeNull();
      expect(await h.raw('auth:loginBasic', { wsUrl: 'http://not-ws', userId: '1' })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
      await h.close();
    } finally {
      await stock.close();
    }
  });
});

describe('auth:logout', () => {
  it('signs out and says so; signing out again is harmless', async () => {
    const h = createHarness();
    await h.login();
    expect(await h.call('auth:logout', {})).toBeNull();
    expect(await h.call('auth:current', {})).toBeNull();
    expect(h.states().at(-1)).toEqual({ status: 'signed-out' });
    expect(await h.call('auth:logout', {})).toBeNull();
  });
});

describe('auth:current', () => {
  it('is null before sign-in, the account after it, and rejects arguments', async () => {
    const h = createHarness();
    expect(await h.call('auth:current', {})).toBeNull();
    await h.login();
    expect(await h.call('auth:current', {})).toMatchObject({ userId: ME, mode: 'tidings' });
    expect(await h.raw('auth:current', { extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
