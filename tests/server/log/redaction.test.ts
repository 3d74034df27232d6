import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../helpers/serverProcess';
import { ADMIN_TOKEN, authTokensSchema, call, registerAccount } from '../auth/helpers';
import { connectAs, sendText, takeAck } from '../helpers/wsClient';

/**
 * The real server at debug level (the most talkative) while credentials and a message pass
 * through it: none of them may appear in its output.
 */
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ args: ['--log-level', 'debug'], env: { TIDINGS_ADMIN_TOKEN: ADMIN_TOKEN } });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

describe('server logs', () => {
  it('are JSON lines on stderr and never contain tokens, passwords or message bodies', async () => {
    const alice = await registerAccount(server.url, 'logalice');
    const bob = await registerAccount(server.url, 'logbob');
    const login = authTokensSchema.parse(
      (
        await call(server.url, 'POST', '/api/auth/login', {
          body: { username: alice.username, password: alice.password },
        })
      ).body,
    );
    const refreshed = authTokensSchema.parse(
      (await call(server.url, 'POST', '/api/auth/refresh', { body: { refreshToken: login.refreshToken } }))
        .body,
    );
    await call(server.url, 'POST', '/api/auth/login', {
      body: { username: bob.username, password: 'wrong-password-x' },
    });
    const provisioned = (
      await call(server.url, 'POST', '/api/admin/users/bulk', {
        token: ADMIN_TOKEN,
        body: { users: [{ username: 'logged_bulk', displayName: 'Bulk' }] },
      })
    ).body as { token: string; refreshToken: string }[];

    const client = await connectAs(server.wsUrl, refreshed);
    const secretText = 'the secret words 7f3a9c';
    await takeAck(client, sendText(client, bob.userId, secretText));
    client.close();

    const output = server.output();
    const secrets = [
      alice.token,
      alice.refreshToken,
      alice.password,
      login.token,
      login.refreshToken,
      refreshed.token,
      refreshed.refreshToken,
      'wrong-password-x',
      ADMIN_TOKEN,
      provisioned[0]?.token ?? 'missing',
      provisioned[0]?.refreshToken ?? 'missing',
      secretText,
      '7f3a9c',
    ];
    for (const secret of secrets) expect(output).not.toContain(secret);

    // Something was logged (at debug, plenty), and every stderr line is a JSON record.
    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('level');
  });
});
