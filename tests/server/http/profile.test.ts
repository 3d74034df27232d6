import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startServer, type ServerProcess } from '../../helpers/serverProcess';
import { call, errorCodeOf, profileSchema, registerAccount, type Account } from '../auth/helpers';
import { queryDb } from '../helpers/serverFiles';

const searchSchema = z.strictObject({ users: z.array(profileSchema) });

let server: ServerProcess;
let me: Account;

beforeAll(async () => {
  server = await startServer();
  me = await registerAccount(server.url, 'profiled');
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function search(query: string, limit?: number): Promise<string[]> {
  const params = new URLSearchParams({ query });
  if (limit !== undefined) params.set('limit', String(limit));
  const response = await call(server.url, 'GET', `/api/users?${params.toString()}`, { token: me.token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return searchSchema.parse(response.body).users.map((u) => u.username);
}

describe('profile', () => {
  it('GET /api/me has nickname, avatar and signature; PATCH changes only what it is given', async () => {
    const initial = profileSchema.parse((await call(server.url, 'GET', '/api/me', { token: me.token })).body);
    expect(initial).toEqual({
      userId: me.userId,
      username: me.username,
      displayName: 'profiled display',
      avatar: null,
      signature: '',
    });
    const patched = await call(server.url, 'PATCH', '/api/me', {
      token: me.token,
      body: { displayName: '  Prof Ïle  ', signature: 'line one\nline two', avatar: 'file_abc-123' },
    });
    expect(patched).toEqual({
      status: 200,
      body: { ...initial, displayName: 'Prof Ïle', signature: 'line one\nline two', avatar: 'file_abc-123' },
    });
    const cleared = await call(server.url, 'PATCH', '/api/me', { token: me.token, body: { avatar: null } });
    expect(cleared.body).toMatchObject({
      displayName: 'Prof Ïle',
      signature: 'line one\nline two',
      avatar: null,
    });

    const other = await registerAccount(server.url, 'viewer');
    const seen = await call(server.url, 'GET', `/api/users/${me.userId}`, { token: other.token });
    expect(seen.body).toEqual(cleared.body);
  });

  it.each([
    ['an unknown field', { nickname: 'x' }],
    ['a blank nickname', { displayName: '   ' }],
    ['a nickname with a NUL', { displayName: 'a\u0000b' }],
    ['a nickname with an escape sequence', { displayName: 'red\u001b[31m' }],
    ['a long nickname', { displayName: 'x'.repeat(65) }],
    ['a long signature', { signature: 'x'.repeat(201) }],
    ['a signature with a NUL', { signature: 'a\u0000' }],
    ['an avatar URL', { avatar: 'https://evil.example/x.png' }],
    ['an avatar with SQL', { avatar: "1' OR '1'='1" }],
    ['a number as nickname', { displayName: 42 }],
    ['not an object', ['x']],
  ])('PATCH /api/me refuses %s and changes nothing', async (_, body) => {
    const before = (await call(server.url, 'GET', '/api/me', { token: me.token })).body;
    const response = await call(server.url, 'PATCH', '/api/me', { token: me.token, body });
    expect([response.status, errorCodeOf(response)]).toEqual([400, 'invalid-request']);
    expect((await call(server.url, 'GET', '/api/me', { token: me.token })).body).toEqual(before);
  });

  it('needs a signed-in user', async () => {
    expect((await call(server.url, 'PATCH', '/api/me', { body: { signature: 'x' } })).status).toBe(401);
    expect((await call(server.url, 'GET', '/api/users?query=a')).status).toBe(401);
  });
});

describe('user search', () => {
  beforeAll(async () => {
    for (const username of ['zed_alpha', 'Zed_Beta', 'zedxgamma', 'zed%delta', 'zebra']) {
      const response = await call(server.url, 'POST', '/api/auth/register', {
        body: { username: username.replace('%', '_pct_'), password: 'secret-pw', displayName: username },
      });
      expect(response.status).toBe(201);
    }
  });

  it('matches a username prefix in any case, sorted, limited', async () => {
    expect(await search('ZED_')).toEqual(['zed_alpha', 'Zed_Beta', 'zed_pct_delta']);
    expect(await search('zed')).toHaveLength(4);
    expect(await search('ze', 2)).toEqual(['zebra', 'zed_alpha']);
    expect(await search('nobody-has-this')).toEqual([]);
  });

  it('treats %, _ and SQL as literal text, never as patterns or code', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('zed_%')).toEqual([]);
    expect(await search('%alpha')).toEqual([]);
    // "_" must not match any single character: zedxgamma is not a match for zed_.
    expect(await search('zed_')).not.toContain('zedxgamma');
    for (const query of [
      "' OR 1=1 --",
      "zed' OR '1'='1",
      '\\',
      'zed\\',
      '"; DROP TABLE users; --',
      '*',
      '[z]%',
    ]) {
      expect(await search(query), query).toEqual([]);
    }
    expect(queryDb<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM users')[0]?.n).toBeGreaterThan(
      5,
    );
  });

  it('refuses empty, overlong and control-character queries and bad limits', async () => {
    for (const path of [
      '/api/users',
      '/api/users?query=',
      `/api/users?query=${'x'.repeat(65)}`,
      '/api/users?query=%00',
      '/api/users?query=a%00b',
      '/api/users?query=a&limit=0',
      '/api/users?query=a&limit=51',
      '/api/users?query=a&limit=1e3',
      '/api/users?query=a&limit=ten',
    ]) {
      const response = await call(server.url, 'GET', path, { token: me.token });
      expect([response.status, errorCodeOf(response)], path).toEqual([400, 'invalid-request']);
    }
  });
});
