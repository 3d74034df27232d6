import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameType, LoginCode } from '../../../shared/protocol';
import { startServer, type ServerProcess } from '../../helpers/serverProcess';
import { queryDb } from '../helpers/serverFiles';
import { sendLogin, TestClient } from '../helpers/wsClient';
import { call, registerAccount, type Account } from './helpers';

/**
 * The product in the seed once had an SQL injection through the uid at login. Here every
 * hostile uid and token must be refused as plain data: never code 0, never a crash.
 */
let server: ServerProcess;
let victim: Account;

beforeAll(async () => {
  server = await startServer();
  victim = await registerAccount(server.url, 'victim');
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

const hostileUserIds = (id: string): string[] => [
  "' OR 1=1 --",
  `${id}' OR '1'='1`,
  `${id} OR 1=1`,
  `${id}; DROP TABLE users; --`,
  `${id}--`,
  `0${id}`,
  ` ${id}`,
  `${id}\u0000`,
  '\u0000',
  '%',
  '_',
  '*',
  '-1',
  '0',
  '1e3',
  '9'.repeat(40),
  'x'.repeat(60_000),
];

describe('WebSocket login with hostile input', () => {
  it('refuses every hostile loginUserId, even with a valid token of a real user, and closes', async () => {
    const usersBefore = queryDb<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM users')[0]?.n;
    for (const loginUserId of hostileUserIds(victim.userId)) {
      const client = await TestClient.connect(server.wsUrl);
      const { code } = await sendLogin(client, loginUserId, victim.token);
      expect(code, JSON.stringify(loginUserId.slice(0, 40))).toBeGreaterThanOrEqual(LoginCode.invalidToken);
      await client.waitClosed();
    }
    expect(queryDb<{ n: number }>(server.dataDir, 'SELECT count(*) AS n FROM users')[0]?.n).toBe(usersBefore);
    expect((await call(server.url, 'GET', '/healthz')).status).toBe(200);
  });

  it('refuses hostile tokens for a real user id', async () => {
    for (const loginToken of ["' OR '1'='1", '%', '', 'null', victim.refreshToken, `${victim.token}' --`]) {
      const client = await TestClient.connect(server.wsUrl);
      const { code } = await sendLogin(client, victim.userId, loginToken);
      expect(code).toBeGreaterThanOrEqual(LoginCode.invalidToken);
      await client.waitClosed();
    }
  });

  it('refuses login payloads with wrong field types without crashing', async () => {
    for (const dataContent of [
      JSON.stringify({ loginUserId: 1, loginToken: victim.token, firstLoginTime: 0 }),
      JSON.stringify({ loginUserId: { $gt: '' }, loginToken: victim.token, firstLoginTime: 0 }),
      JSON.stringify({ loginUserId: [victim.userId], loginToken: victim.token, firstLoginTime: 0 }),
      JSON.stringify({ loginUserId: victim.userId, loginToken: { length: 1 }, firstLoginTime: 0 }),
      "{'loginUserId': 1}",
    ]) {
      const client = await TestClient.connect(server.wsUrl);
      client.send({ type: FrameType.login, dataContent });
      const reply = await client.takeType(FrameType.loginResponse);
      expect((JSON.parse(reply.dataContent ?? '{}') as { code: number }).code).toBeGreaterThanOrEqual(1025);
      await client.waitClosed();
    }
    // The real login still works afterwards.
    const client = await TestClient.connect(server.wsUrl);
    expect((await sendLogin(client, victim.userId, victim.token)).code).toBe(LoginCode.ok);
    client.close();
  });
});
