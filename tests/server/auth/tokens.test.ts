import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginCode } from '../../../shared/protocol';
import { startServer, waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { configArgs, queryDb } from '../helpers/serverFiles';
import { sendLogin, TestClient } from '../helpers/wsClient';
import { authTokensSchema, call, errorCodeOf, registerAccount } from './helpers';

/** A WebSocket login with `token`; returns the type 50 code and checks a refusal closes the socket. */
async function wsLoginCode(server: ServerProcess, userId: string, token: string): Promise<number> {
  const client = await TestClient.connect(server.wsUrl);
  try {
    const { code } = await sendLogin(client, userId, token);
    if (code !== LoginCode.ok) await client.waitClosed();
    return code;
  } finally {
    client.close();
  }
}

describe('tokens (default lifetimes)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it('register and login answer {userId, token, refreshToken}; the access token works on HTTP and WebSocket', async () => {
    const account = await registerAccount(server.url, 'pair');
    const login = await call(server.url, 'POST', '/api/auth/login', {
      body: { username: account.username, password: account.password },
    });
    expect(login.status).toBe(200);
    const tokens = authTokensSchema.parse(login.body);
    expect(tokens.userId).toBe(account.userId);
    expect(tokens.refreshToken).not.toBe(account.refreshToken);
    expect((await call(server.url, 'GET', '/api/me', { token: tokens.token })).status).toBe(200);
    expect(await wsLoginCode(server, account.userId, tokens.token)).toBe(LoginCode.ok);
  });

  it('refresh rotates the pair; replaying a spent refresh token revokes the whole session', async () => {
    const account = await registerAccount(server.url, 'rotate');
    const refreshed = await call(server.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    const next = authTokensSchema.parse(refreshed.body);
    expect(next.userId).toBe(account.userId);
    expect(next.refreshToken).not.toBe(account.refreshToken);
    expect((await call(server.url, 'GET', '/api/me', { token: next.token })).status).toBe(200);

    const replay = await call(server.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(replay.status).toBe(401);
    expect(errorCodeOf(replay)).toBe('invalid-refresh-token');
    // The thief's replay also ends the legitimate holder's session: both must sign in again.
    const afterReplay = await call(server.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: next.refreshToken },
    });
    expect(errorCodeOf(afterReplay)).toBe('invalid-refresh-token');
    const me = await call(server.url, 'GET', '/api/me', { token: next.token });
    expect([me.status, errorCodeOf(me)]).toEqual([401, 'not-logged-in']);
    expect(await wsLoginCode(server, account.userId, next.token)).toBe(LoginCode.invalidToken);
  });

  it('logout revokes the refresh token and the access token’s session, on HTTP and WebSocket', async () => {
    const account = await registerAccount(server.url, 'bye');
    const other = authTokensSchema.parse(
      (
        await call(server.url, 'POST', '/api/auth/login', {
          body: { username: account.username, password: account.password },
        })
      ).body,
    );
    const out = await call(server.url, 'POST', '/api/auth/logout', {
      token: account.token,
      body: { refreshToken: account.refreshToken },
    });
    expect(out).toEqual({ status: 200, body: { ok: true } });
    expect(errorCodeOf(await call(server.url, 'GET', '/api/me', { token: account.token }))).toBe(
      'not-logged-in',
    );
    expect(
      errorCodeOf(
        await call(server.url, 'POST', '/api/auth/refresh', { body: { refreshToken: account.refreshToken } }),
      ),
    ).toBe('invalid-refresh-token');
    expect(await wsLoginCode(server, account.userId, account.token)).toBe(LoginCode.invalidToken);
    // The user's other session is not touched.
    expect((await call(server.url, 'GET', '/api/me', { token: other.token })).status).toBe(200);

    // With the access token alone, logout ends that token's session.
    expect((await call(server.url, 'POST', '/api/auth/logout', { token: other.token })).status).toBe(200);
    expect(errorCodeOf(await call(server.url, 'GET', '/api/me', { token: other.token }))).toBe(
      'not-logged-in',
    );
  });

  it('validates refresh and logout bodies', async () => {
    for (const body of [{}, { refreshToken: 'short' }, { refreshToken: 42 }, null]) {
      const response = await call(server.url, 'POST', '/api/auth/refresh', { body });
      expect([response.status, errorCodeOf(response)]).toEqual([400, 'invalid-request']);
    }
    const unknown = await call(server.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: 'A'.repeat(43) },
    });
    expect([unknown.status, errorCodeOf(unknown)]).toEqual([401, 'invalid-refresh-token']);
    const badLogout = await call(server.url, 'POST', '/api/auth/logout', {
      body: { refreshToken: "' OR 1=1 --" },
    });
    expect(badLogout.status).toBe(400);
  });

  it('stores only hashes of refresh tokens and never logs tokens or passwords', async () => {
    const account = await registerAccount(server.url, 'hashed');
    const rows = queryDb<{ token_hash: Buffer }>(
      server.dataDir,
      `SELECT r.token_hash FROM refresh_tokens r JOIN auth_sessions s ON s.id = r.session_id WHERE s.user_id = ?`,
      Number(account.userId),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash.length).toBe(32);
    expect(rows[0]?.token_hash.toString('base64url')).not.toBe(account.refreshToken);
    const password = queryDb<{ password_hash: string }>(
      server.dataDir,
      'SELECT password_hash FROM users WHERE id = ?',
      Number(account.userId),
    );
    expect(password[0]?.password_hash).toMatch(/^\$argon2id\$/);
    const output = server.output();
    for (const secret of [account.token, account.refreshToken, account.password])
      expect(output).not.toContain(secret);
  });
});

describe('tokens (a two-second access-token lifetime)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ args: configArgs({ auth: { accessTokenTtlSeconds: 2 } }) });
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it('an expired access token gets 401 token-expired on HTTP and login code 1026 on WebSocket; refresh fixes both', async () => {
    const account = await registerAccount(server.url, 'expiring');
    const expired = await waitFor(
      async () => {
        const me = await call(server.url, 'GET', '/api/me', { token: account.token });
        return me.status === 401 ? me : null;
      },
      { what: 'the access token to expire', timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(errorCodeOf(expired)).toBe('token-expired');
    expect(await wsLoginCode(server, account.userId, account.token)).toBe(LoginCode.tokenExpired);

    // A token that was never valid stays distinguishable from an expired one.
    const forged = `${account.token.slice(0, -4)}AAAA`;
    expect(errorCodeOf(await call(server.url, 'GET', '/api/me', { token: forged }))).toBe('not-logged-in');
    expect(await wsLoginCode(server, account.userId, forged)).toBe(LoginCode.invalidToken);

    const refreshed = authTokensSchema.parse(
      (await call(server.url, 'POST', '/api/auth/refresh', { body: { refreshToken: account.refreshToken } }))
        .body,
    );
    expect((await call(server.url, 'GET', '/api/me', { token: refreshed.token })).status).toBe(200);
    expect(await wsLoginCode(server, account.userId, refreshed.token)).toBe(LoginCode.ok);
  });
});
