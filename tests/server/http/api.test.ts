import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpErrorSchema, userProfileSchema } from '../../../shared/protocol';
import { startServer, type ServerProcess } from '../../helpers/serverProcess';
import { api, errorCode, registerUser } from '../helpers/api';
import { registerAccount } from '../auth/helpers';
import { queryDb } from '../helpers/serverFiles';

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

describe('health', () => {
  it('answers /healthz', async () => {
    expect(await api(server.url, 'GET', '/healthz')).toEqual({ status: 200, body: { ok: true } });
  });

  it('answers unknown paths and methods with coded errors', async () => {
    const missing = await api(server.url, 'GET', '/api/nope');
    expect(missing.status).toBe(404);
    expect(httpErrorSchema.parse(missing.body).error.code).toBe('not-found');
    const wrongMethod = await api(server.url, 'GET', '/api/auth/register');
    expect(wrongMethod.status).toBe(405);
    expect(errorCode(wrongMethod)).toBe('method-not-allowed');
  });
});

describe('register', () => {
  it('creates a user and returns an access and a refresh token', async () => {
    const response = await api(server.url, 'POST', '/api/auth/register', {
      body: { username: 'Carol_1', password: 'secret-pw', displayName: '  Carol Ünïcødé  ' },
    });
    expect(response.status).toBe(201);
    const { userId, token, refreshToken } = response.body as {
      userId: string;
      token: string;
      refreshToken: string;
    };
    expect(userId).toMatch(/^[1-9]\d*$/);
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await api(server.url, 'GET', '/api/me', { token });
    expect(me).toEqual({
      status: 200,
      body: { userId, username: 'Carol_1', displayName: 'Carol Ünïcødé', avatar: null, signature: '' },
    });
  });

  it('refuses a taken username, whatever its case', async () => {
    const user = await registerUser(server.url, 'dave');
    const again = await api(server.url, 'POST', '/api/auth/register', {
      body: { username: user.username.toUpperCase(), password: 'another-pw', displayName: 'Dave 2' },
    });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('username-taken');
  });

  it.each([
    ['a short username', { username: 'ab', password: 'secret-pw', displayName: 'X' }],
    ['a short password', { username: 'valid_name', password: '123', displayName: 'X' }],
    ['a blank display name', { username: 'valid_name', password: 'secret-pw', displayName: '   ' }],
    ['a missing field', { username: 'valid_name', password: 'secret-pw' }],
    ['not an object', ['valid_name']],
  ])('refuses %s with invalid-request and a message', async (_, body) => {
    const response = await api(server.url, 'POST', '/api/auth/register', { body });
    expect(response.status).toBe(400);
    const error = httpErrorSchema.parse(response.body).error;
    expect(error.code).toBe('invalid-request');
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await api(server.url, 'POST', '/api/auth/register', { rawBody: '{"username": nope' });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('invalid-request');
  });

  it('refuses a body over the size limit and stays healthy', async () => {
    const response = await api(server.url, 'POST', '/api/auth/register', {
      body: { username: 'big_one', password: 'x'.repeat(70_000), displayName: 'Big' },
    });
    expect(response.status).toBe(413);
    expect(errorCode(response)).toBe('payload-too-large');
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('stores an argon2 hash and a hashed refresh token, never the secrets', async () => {
    const user = await registerAccount(server.url, 'secretive');
    const rows = queryDb<{ password_hash: string }>(
      server.dataDir,
      'SELECT password_hash FROM users WHERE id = ?',
      Number(user.userId),
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]?.password_hash).not.toContain(user.password);
    const tokens = queryDb<{ token_hash: Buffer }>(
      server.dataDir,
      'SELECT token_hash FROM refresh_tokens JOIN auth_sessions ON auth_sessions.id = session_id WHERE user_id = ?',
      Number(user.userId),
    );
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.token_hash.length).toBe(32);
    expect(tokens[0]?.token_hash.toString('base64url')).not.toBe(user.refreshToken);
    expect(server.output()).not.toContain(user.refreshToken);
    expect(server.output()).not.toContain(user.token);
    expect(server.output()).not.toContain(user.password);
  });
});

describe('login', () => {
  it('returns a new working token for the right password, any username case', async () => {
    const user = await registerUser(server.url, 'erin');
    const response = await api(server.url, 'POST', '/api/auth/login', {
      body: { username: user.username.toUpperCase(), password: user.password },
    });
    expect(response.status).toBe(200);
    const { userId, token } = response.body as { userId: string; token: string };
    expect(userId).toBe(user.userId);
    expect(token).not.toBe(user.token);
    expect((await api(server.url, 'GET', '/api/me', { token })).status).toBe(200);
    expect((await api(server.url, 'GET', '/api/me', { token: user.token })).status).toBe(200);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const user = await registerUser(server.url, 'frank');
    const wrong = await api(server.url, 'POST', '/api/auth/login', {
      body: { username: user.username, password: 'wrong-pw' },
    });
    const unknown = await api(server.url, 'POST', '/api/auth/login', {
      body: { username: 'nobody_here', password: 'wrong-pw' },
    });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(errorCode(response)).toBe('invalid-credentials');
    }
    expect(wrong.body).toEqual(unknown.body);
  });

  it('refuses a malformed login request', async () => {
    const response = await api(server.url, 'POST', '/api/auth/login', { body: { username: 'x' } });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('invalid-request');
  });
});

describe('authenticated endpoints', () => {
  it.each([
    ['no token', undefined],
    ['a wrong token', 'A'.repeat(43)],
    ['a malformed token', 'not a token!'],
  ])('refuse %s with 401', async (_, token) => {
    for (const path of ['/api/me', '/api/users/1', '/api/users/by-username/anyone']) {
      const response = await api(server.url, 'GET', path, token === undefined ? {} : { token });
      expect(response.status).toBe(401);
      expect(errorCode(response)).toBe('not-logged-in');
    }
  });

  it('look users up by username (any case) and by id', async () => {
    const me = await registerUser(server.url, 'gina');
    const other = await registerUser(server.url, 'hank');
    const expected = {
      userId: other.userId,
      username: other.username,
      displayName: 'hank display',
      avatar: null,
      signature: '',
    };
    const byName = await api(server.url, 'GET', `/api/users/by-username/${other.username.toUpperCase()}`, {
      token: me.token,
    });
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual(expected);
    // The engine's shared schema still reads the richer profile.
    expect(userProfileSchema.safeParse(byName.body).success).toBe(true);
    expect(await api(server.url, 'GET', `/api/users/${other.userId}`, { token: me.token })).toEqual({
      status: 200,
      body: expected,
    });
  });

  it('answer 404 user-not-found for unknown users', async () => {
    const me = await registerUser(server.url, 'ivan');
    for (const path of [
      '/api/users/by-username/no_such_user',
      '/api/users/999999',
      '/api/users/abc',
      '/api/users/0',
    ]) {
      const response = await api(server.url, 'GET', path, { token: me.token });
      expect(response.status).toBe(404);
      expect(errorCode(response)).toBe('user-not-found');
    }
  });
});

describe('SQL-injection-looking input', () => {
  it('is treated as plain data everywhere', async () => {
    const me = await registerUser(server.url, 'judy');
    const countBefore = queryDb<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM users')[0]?.n;

    const register = await api(server.url, 'POST', '/api/auth/register', {
      body: {
        username: "x'); DROP TABLE users; --",
        password: 'secret-pw',
        displayName: "Robert'); DROP TABLE users;--",
      },
    });
    expect(register.status).toBe(400);

    const login = await api(server.url, 'POST', '/api/auth/login', {
      body: { username: "' OR '1'='1", password: "' OR '1'='1" },
    });
    expect(login.status).toBe(401);

    for (const path of [
      `/api/users/by-username/${encodeURIComponent("' OR 1=1 --")}`,
      `/api/users/by-username/${encodeURIComponent('%')}`,
      `/api/users/${encodeURIComponent('1 OR 1=1')}`,
      `/api/users/${encodeURIComponent('1; DROP TABLE users')}`,
    ]) {
      const response = await api(server.url, 'GET', path, { token: me.token });
      expect(response.status).toBe(404);
    }

    // A display name is free text: stored and returned verbatim.
    const quoted = await api(server.url, 'POST', '/api/auth/register', {
      body: { username: 'bobby.tables', password: 'secret-pw', displayName: "Robert'); DROP TABLE users;--" },
    });
    expect(quoted.status).toBe(201);
    const { token } = quoted.body as { token: string };
    expect((await api(server.url, 'GET', '/api/me', { token })).body).toMatchObject({
      displayName: "Robert'); DROP TABLE users;--",
    });

    const countAfter = queryDb<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM users')[0]?.n;
    expect(countAfter).toBe((countBefore ?? 0) + 1);
  });

  it('rejects a malformed percent-escape without crashing', async () => {
    const me = await registerUser(server.url, 'kate');
    const response = await api(server.url, 'GET', '/api/users/by-username/%E0%A4%A', { token: me.token });
    expect(response.status).toBe(400);
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
  });
});
