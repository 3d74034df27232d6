import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FrameType, KickoutCode, LoginCode } from '../../../shared/protocol';
import { startServer, type ServerProcess } from '../../helpers/serverProcess';
import { ADMIN_TOKEN, authTokensSchema, call, errorCodeOf, registerAccount } from '../auth/helpers';
import { configArgs } from '../helpers/serverFiles';
import { sendLogin, TestClient, type Closed } from '../helpers/wsClient';

const provisionedSchema = z.array(authTokensSchema.extend({ username: z.string(), created: z.boolean() }));

let server: ServerProcess;
const admin = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
  call(server.url, method, path, { body, token: ADMIN_TOKEN });

beforeAll(async () => {
  server = await startServer({
    args: ['--admin-token', ADMIN_TOKEN, ...configArgs({ admin: { bulkMaxUsers: 3000 } })],
  });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

/** Logs in over WebSocket, optionally as a named Tidings device, and fails unless it succeeds. */
async function online(user: { userId: string; token: string }, deviceId?: string): Promise<TestClient> {
  const client = await TestClient.connect(server.wsUrl);
  if (deviceId === undefined) {
    const { code } = await sendLogin(client, user.userId, user.token);
    expect(code).toBe(LoginCode.ok);
    return client;
  }
  client.send({
    type: FrameType.login,
    dataContent: JSON.stringify({
      loginUserId: user.userId,
      loginToken: user.token,
      extra: JSON.stringify({ deviceId, capabilities: ['tidings/1'] }),
      firstLoginTime: 0,
    }),
  });
  const reply = await client.takeType(FrameType.loginResponse);
  expect((JSON.parse(reply.dataContent ?? '{}') as { code: number }).code).toBe(LoginCode.ok);
  return client;
}

/** Waits for an admin kickout (54, code 2) and the close that follows it. */
async function expectKicked(client: TestClient): Promise<Closed> {
  const kickout = await client.takeType(FrameType.kickout);
  expect((JSON.parse(kickout.dataContent ?? '{}') as { code: number }).code).toBe(KickoutCode.admin);
  return client.waitClosed();
}

async function wsLoginCode(userId: string, token: string): Promise<number> {
  const client = await TestClient.connect(server.wsUrl);
  const { code } = await sendLogin(client, userId, token);
  client.close();
  return code;
}

describe('admin authentication', () => {
  it('refuses requests without the admin token, with a wrong one, or with a user token', async () => {
    const user = await registerAccount(server.url, 'notadmin');
    const body = { users: [{ username: 'sneaky_user', displayName: 'Sneaky' }] };
    for (const authorization of [
      undefined,
      '',
      'Bearer',
      `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
      `Bearer ${ADMIN_TOKEN}x`,
      `Bearer ${ADMIN_TOKEN.toUpperCase()}`,
      `bearer ${ADMIN_TOKEN}`,
      `Basic ${ADMIN_TOKEN}`,
      `Bearer  ${ADMIN_TOKEN}`,
      `Bearer ${user.token}`,
    ]) {
      const response = await call(server.url, 'POST', '/api/admin/users/bulk', {
        body,
        ...(authorization === undefined ? {} : { authorization }),
      });
      expect([response.status, errorCodeOf(response)], String(authorization)).toEqual([
        401,
        'admin-unauthorized',
      ]);
    }
    const search = await call(server.url, 'GET', '/api/users?query=sneaky', { token: user.token });
    expect(search.body).toEqual({ users: [] });
  });

  it('does not exist at all on a server without an admin token', async () => {
    const plain = await startServer();
    try {
      for (const [method, path] of [
        ['POST', '/api/admin/users/bulk'],
        ['POST', '/api/admin/kick'],
        ['POST', '/api/admin/users/1/revoke'],
        ['PATCH', '/api/admin/users/1'],
      ] as const) {
        const response = await call(plain.url, method, path, { token: ADMIN_TOKEN, body: {} });
        expect([response.status, errorCodeOf(response)]).toEqual([404, 'not-found']);
      }
    } finally {
      expect(await plain.stop()).toBe(0);
    }
  });
});

describe('bulk provisioning', () => {
  it('creates thousands of accounts in one request and mints working tokens for each', async () => {
    const users = Array.from({ length: 2500 }, (_, i) => ({
      username: `load_${i}`,
      displayName: `Load ${i}`,
    }));
    const response = await admin('POST', '/api/admin/users/bulk', { users });
    expect(response.status).toBe(200);
    const accounts = provisionedSchema.parse(response.body);
    expect(accounts.map((a) => a.username)).toEqual(users.map((u) => u.username));
    expect(accounts.every((a) => a.created)).toBe(true);
    expect(new Set(accounts.map((a) => a.userId)).size).toBe(users.length);

    for (const account of [accounts[0], accounts[1234], accounts[2499]]) {
      if (!account) throw new Error('missing account');
      const me = await call(server.url, 'GET', '/api/me', { token: account.token });
      expect(me.body).toMatchObject({ userId: account.userId, username: account.username });
      expect(await wsLoginCode(account.userId, account.token)).toBe(LoginCode.ok);
      const refreshed = await call(server.url, 'POST', '/api/auth/refresh', {
        body: { refreshToken: account.refreshToken },
      });
      expect(refreshed.status).toBe(200);
    }
    // No password was set: the password endpoint cannot sign these accounts in.
    const login = await call(server.url, 'POST', '/api/auth/login', {
      body: { username: 'load_0', password: 'anything-at-all' },
    });
    expect(errorCodeOf(login)).toBe('invalid-credentials');
  });

  it('is idempotent per username: existing accounts get fresh tokens and keep their id', async () => {
    const first = provisionedSchema.parse(
      (await admin('POST', '/api/admin/users/bulk', { users: [{ username: 'repeat_me', displayName: 'R' }] }))
        .body,
    );
    const again = provisionedSchema.parse(
      (
        await admin('POST', '/api/admin/users/bulk', {
          users: [
            { username: 'REPEAT_ME', displayName: 'R2' },
            { username: 'brand_new', displayName: 'N' },
          ],
        })
      ).body,
    );
    expect(again.map((a) => [a.userId === first[0]?.userId, a.created])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(again[0]?.token).not.toBe(first[0]?.token);
  });

  it.each([
    ['an empty list', { users: [] }],
    [
      'a username twice (any case)',
      {
        users: [
          { username: 'twin_a', displayName: 'A' },
          { username: 'TWIN_A', displayName: 'B' },
        ],
      },
    ],
    ['an SQL-injection username', { users: [{ username: "x' OR 1=1 --", displayName: 'X' }] }],
    ['a username with %', { users: [{ username: '100%', displayName: 'X' }] }],
    ['a NUL in the display name', { users: [{ username: 'nul_name', displayName: 'a\u0000b' }] }],
    ['a very long display name', { users: [{ username: 'long_name', displayName: 'x'.repeat(10_000) }] }],
    [
      'more users than allowed',
      { users: Array.from({ length: 3001 }, (_, i) => ({ username: `over_${i}`, displayName: 'O' })) },
    ],
    ['an unknown field', { users: [{ username: 'extra_field', displayName: 'E', password: 'x' }] }],
    [
      'a huge token lifetime',
      { users: [{ username: 'ttl_user', displayName: 'T' }], accessTokenTtlSeconds: 10 ** 9 },
    ],
  ])('refuses %s with invalid-request and creates nobody', async (_, body) => {
    const response = await admin('POST', '/api/admin/users/bulk', body);
    expect([response.status, errorCodeOf(response)]).toEqual([400, 'invalid-request']);
    const probe = await registerAccount(server.url, 'probe');
    for (const name of ['twin_a', 'nul_name', 'long_name', 'over_0', 'extra_field', 'ttl_user']) {
      const found = await call(server.url, 'GET', `/api/users/by-username/${name}`, { token: probe.token });
      expect(found.status).toBe(404);
    }
  });
});

describe('kick, revoke and disable on live sockets', () => {
  it('kick closes all of a user’s sockets with kickout code 2; the token still works afterwards', async () => {
    const user = await registerAccount(server.url, 'kicked');
    const bystander = await registerAccount(server.url, 'bystander');
    const client = await online(user);
    const other = await online(bystander);
    const response = await admin('POST', '/api/admin/kick', { userId: user.userId });
    expect(response).toEqual({ status: 200, body: { kicked: 1 } });
    await expectKicked(client);
    expect(other.isClosed).toBe(false);
    expect(await wsLoginCode(user.userId, user.token)).toBe(LoginCode.ok);
    other.close();
  });

  it('kick with a deviceId closes only that device', async () => {
    const user = await registerAccount(server.url, 'twodevices');
    const laptop = await online(user, 'laptop-1');
    const desktop = await online(user, 'desktop-1');
    const response = await admin('POST', '/api/admin/kick', { userId: user.userId, deviceId: 'laptop-1' });
    expect(response).toEqual({ status: 200, body: { kicked: 1 } });
    await expectKicked(laptop);
    desktop.send({ type: FrameType.keepalive, dataContent: '{}', from: user.userId, to: '0' });
    await desktop.takeType(FrameType.keepaliveResponse);
    expect(desktop.isClosed).toBe(false);
    desktop.close();
  });

  it('revoke kicks the live sockets and refuses the user’s access and refresh tokens from then on', async () => {
    const user = await registerAccount(server.url, 'revoked');
    const client = await online(user);
    const response = await admin('POST', '/api/admin/users/' + user.userId + '/revoke');
    expect(response).toEqual({ status: 200, body: { revokedSessions: 1, kicked: 1 } });
    await expectKicked(client);
    expect(await wsLoginCode(user.userId, user.token)).toBe(LoginCode.invalidToken);
    expect(errorCodeOf(await call(server.url, 'GET', '/api/me', { token: user.token }))).toBe(
      'not-logged-in',
    );
    const refresh = await call(server.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(errorCodeOf(refresh)).toBe('invalid-refresh-token');
    // Signing in again with the password starts a new, valid session.
    const again = authTokensSchema.parse(
      (
        await call(server.url, 'POST', '/api/auth/login', {
          body: { username: user.username, password: user.password },
        })
      ).body,
    );
    expect(await wsLoginCode(user.userId, again.token)).toBe(LoginCode.ok);
  });

  it('disable kicks, answers login code 1027 and 403 user-disabled; enable lets the user sign in again', async () => {
    const user = await registerAccount(server.url, 'disabled');
    const client = await online(user);
    const disabled = await admin('PATCH', `/api/admin/users/${user.userId}`, { disabled: true });
    expect(disabled).toEqual({
      status: 200,
      body: { userId: user.userId, disabled: true, revokedSessions: 1, kicked: 1 },
    });
    await expectKicked(client);
    const login = await call(server.url, 'POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect([login.status, errorCodeOf(login)]).toEqual([403, 'user-disabled']);
    const bulk = provisionedSchema.parse(
      (
        await admin('POST', '/api/admin/users/bulk', {
          users: [{ username: user.username, displayName: 'x' }],
        })
      ).body,
    );
    expect(await wsLoginCode(user.userId, bulk[0]?.token ?? '')).toBe(LoginCode.userDisabled);
    const me = await call(server.url, 'GET', '/api/me', { token: bulk[0]?.token ?? '' });
    expect([me.status, errorCodeOf(me)]).toEqual([403, 'user-disabled']);

    expect((await admin('PATCH', `/api/admin/users/${user.userId}`, { disabled: false })).status).toBe(200);
    const back = await call(server.url, 'POST', '/api/auth/login', {
      body: { username: user.username, password: user.password },
    });
    expect(back.status).toBe(200);
  });

  it('answers 404 for unknown or malformed user ids and 400 for malformed bodies', async () => {
    for (const id of ['999999999', "1' OR '1'='1", '0', 'abc']) {
      const path = `/api/admin/users/${encodeURIComponent(id)}`;
      expect((await admin('POST', `${path}/revoke`)).status).toBe(404);
      expect((await admin('PATCH', path, { disabled: true })).status).toBe(404);
    }
    expect((await admin('POST', '/api/admin/kick', { userId: '999999999' })).status).toBe(404);
    for (const body of [
      {},
      { userId: '1 OR 1=1' },
      { userId: 1 },
      { userId: '1', deviceId: 'x'.repeat(500) },
    ]) {
      expect((await admin('POST', '/api/admin/kick', body)).status).toBe(400);
    }
    const user = await registerAccount(server.url, 'patchme');
    expect((await admin('PATCH', `/api/admin/users/${user.userId}`, { disabled: 'yes' })).status).toBe(400);
  });
});
