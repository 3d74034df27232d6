import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeFrame,
  errorPayloadSchema,
  FrameType,
  kickoutPayloadSchema,
  LoginCode,
  MAX_FRAME_BYTES,
} from '../../../shared/protocol';
import { startServer, type ServerProcess } from '../../helpers/serverProcess';
import { api, registerUser, type TestUser } from '../helpers/api';
import { configArgs } from '../helpers/serverFiles';
import { connectAs, loginFrame, sendLogin, TestClient } from '../helpers/wsClient';

let server: ServerProcess;
let alice: TestUser;

beforeAll(async () => {
  server = await startServer();
  alice = await registerUser(server.url, 'alice');
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

/** The server still serves HTTP and accepts a WebSocket login. */
async function expectHealthy(): Promise<void> {
  expect((await api(server.url, 'GET', '/healthz')).status).toBe(200);
  const client = await connectAs(server.wsUrl, await registerUser(server.url, 'probe'));
  client.close();
}

describe('login', () => {
  it('succeeds with a valid token and stamps firstLoginTime for a fresh login', async () => {
    const client = await TestClient.connect(server.wsUrl);
    const before = Date.now();
    const reply = await sendLogin(client, alice.userId, alice.token, 0);
    expect(reply.code).toBe(LoginCode.ok);
    expect(reply.firstLoginTime).toBeGreaterThanOrEqual(before - 1000);
    expect(reply.firstLoginTime).toBeLessThanOrEqual(Date.now() + 1000);
    client.close();
  });

  it('echoes a positive firstLoginTime', async () => {
    // A fresh user: a lingering session with a newer firstLoginTime would rightly win over this one.
    const erin = await registerUser(server.url, 'erin');
    const client = await TestClient.connect(server.wsUrl);
    expect(await sendLogin(client, erin.userId, erin.token, 1_700_000_000_123)).toEqual({
      code: 0,
      firstLoginTime: 1_700_000_000_123,
    });
    client.close();
  });

  it.each([
    ['a wrong token', (u: TestUser) => [u.userId, 'A'.repeat(43)]],
    ["another user's token", (u: TestUser) => [String(Number(u.userId) + 1000), u.token]],
    ['an injection-looking user id', (u: TestUser) => ["1' OR '1'='1", u.token]],
  ])('answers %s with 1025 and closes', async (_, credentials) => {
    const [userId, token] = credentials(alice) as [string, string];
    const client = await TestClient.connect(server.wsUrl);
    expect((await sendLogin(client, userId, token)).code).toBe(LoginCode.invalidToken);
    expect((await client.waitClosed()).code).toBe(1000);
  });

  it('answers a malformed login payload with a failure code and closes', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: FrameType.login, dataContent: '{"nope":true}' });
    const reply = await client.takeType(FrameType.loginResponse);
    expect(JSON.parse(reply.dataContent ?? '{}')).toMatchObject({ code: LoginCode.badRequest });
    await client.waitClosed();
  });
});

describe('frames before login', () => {
  it.each([FrameType.keepalive, FrameType.data, FrameType.ack])(
    'type %i gets error 301, then the socket closes',
    async (type) => {
      const client = await TestClient.connect(server.wsUrl);
      client.send({ type, dataContent: type === FrameType.keepalive ? '{}' : 'x', to: '1', fp: 'fp-1' });
      const error = await client.takeType(FrameType.error);
      expect(errorPayloadSchema.parse(JSON.parse(error.dataContent ?? '{}')).errorCode).toBe(301);
      await client.waitClosed();
    },
  );

  it('echo works before login and returns the frame unchanged', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({
      type: FrameType.echo,
      dataContent: 'ping 42',
      from: 'x',
      to: 'y',
      fp: 'f',
      typeu: 7,
      sm: 5,
    });
    const echo = await client.takeType(FrameType.echoResponse);
    expect(echo).toMatchObject({ dataContent: 'ping 42', from: 'x', to: 'y', fp: 'f', typeu: 7, sm: 5 });
    expect(client.isClosed).toBe(false);
    client.close();
  });

  it('logout closes the connection', async () => {
    const client = await connectAs(server.wsUrl, alice);
    client.send({ type: FrameType.logout });
    expect((await client.waitClosed()).code).toBe(1000);
  });
});

describe('keepalive', () => {
  it('answers 51 with "{}"', async () => {
    const client = await connectAs(server.wsUrl, alice);
    client.send({ type: FrameType.keepalive, dataContent: '{}' });
    const reply = await client.takeType(FrameType.keepaliveResponse);
    expect(reply.dataContent).toBe('{}');
    client.close();
  });
});

describe('bad input closes the socket, never the server', () => {
  it('binary frame → 1003', async () => {
    const client = await TestClient.connect(server.wsUrl);
    client.sendRaw(Buffer.from(encodeFrame({ type: FrameType.echo })), true);
    expect((await client.waitClosed()).code).toBe(1003);
    await expectHealthy();
  });

  it.each([
    ['not JSON', 'hello'],
    ['a JSON array', '[1,2,3]'],
    ['no type', '{"dataContent":"x"}'],
    ['a wrongly typed field', '{"type":"0"}'],
    ['truncated JSON', '{"type":0,'],
  ])('%s → 1007', async (_, text) => {
    const client = await TestClient.connect(server.wsUrl);
    client.sendRaw(text);
    expect((await client.waitClosed()).code).toBe(1007);
    await expectHealthy();
  });

  it('a frame over 64 KiB → 1009', async () => {
    const client = await connectAs(server.wsUrl, alice);
    client.sendRaw(JSON.stringify({ type: FrameType.echo, dataContent: 'x'.repeat(MAX_FRAME_BYTES) }));
    expect((await client.waitClosed()).code).toBe(1009);
    await expectHealthy();
  });

  it('a frame of exactly 64 KiB is accepted', async () => {
    const client = await connectAs(server.wsUrl, alice);
    // Unknown fields are ignored, so padding one out to the limit leaves a plain keepalive.
    const shell = JSON.stringify({ type: FrameType.keepalive, dataContent: '{}', pad: '' });
    client.sendRaw(
      JSON.stringify({
        type: FrameType.keepalive,
        dataContent: '{}',
        pad: 'x'.repeat(MAX_FRAME_BYTES - shell.length),
      }),
    );
    expect((await client.takeType(FrameType.keepaliveResponse)).dataContent).toBe('{}');
    client.close();
  });

  it('drops an echo whose answer would exceed the limit instead of sending it', async () => {
    const client = await TestClient.connect(server.wsUrl);
    const shell = JSON.stringify({ type: FrameType.echo, dataContent: '' });
    client.sendRaw(
      JSON.stringify({ type: FrameType.echo, dataContent: 'x'.repeat(MAX_FRAME_BYTES - shell.length) }),
    );
    client.send({ type: FrameType.echo, dataContent: 'after' });
    expect((await client.takeType(FrameType.echoResponse)).dataContent).toBe('after');
    expect(client.isClosed).toBe(false);
    client.close();
  });

  it('refuses an upgrade on another path', async () => {
    const attempt = TestClient.connect(server.wsUrl.replace('/websocket', '/other'));
    await expect(attempt).rejects.toThrow(/404/);
  });
});

describe('duplicate login', () => {
  const kickoutCode = (frame: { dataContent: string | null }): number =>
    kickoutPayloadSchema.parse(JSON.parse(frame.dataContent ?? '{}')).code;

  it('a fresh login kicks the older connection with 54 code 1', async () => {
    const bob = await registerUser(server.url, 'bob');
    const first = await connectAs(server.wsUrl, bob);
    const second = await connectAs(server.wsUrl, bob, 0);
    expect(kickoutCode(await first.takeType(FrameType.kickout))).toBe(1);
    await first.waitClosed();
    second.send({ type: FrameType.keepalive, dataContent: '{}' });
    await second.takeType(FrameType.keepaliveResponse);
    second.close();
  });

  it('a newer firstLoginTime kicks the older connection', async () => {
    const bob = await registerUser(server.url, 'bob');
    const first = await connectAs(server.wsUrl, bob, 1_000);
    const second = await connectAs(server.wsUrl, bob, 2_000);
    expect(kickoutCode(await first.takeType(FrameType.kickout))).toBe(1);
    await first.waitClosed();
    expect(second.isClosed).toBe(false);
    second.close();
  });

  it('an equal firstLoginTime silently replaces the older connection', async () => {
    const bob = await registerUser(server.url, 'bob');
    const first = await connectAs(server.wsUrl, bob);
    const second = await connectAs(server.wsUrl, bob, first.firstLoginTime);
    expect(second.firstLoginTime).toBe(first.firstLoginTime);
    await first.waitClosed();
    expect(first.received.some((f) => f.type === FrameType.kickout)).toBe(false);
    second.send({ type: FrameType.keepalive, dataContent: '{}' });
    await second.takeType(FrameType.keepaliveResponse);
    second.close();
  });

  it('an older firstLoginTime (a stale reconnect) gets the new connection kicked', async () => {
    const bob = await registerUser(server.url, 'bob');
    const first = await connectAs(server.wsUrl, bob, 5_000);
    const stale = await TestClient.connect(server.wsUrl);
    stale.send(loginFrame(bob.userId, bob.token, 4_000));
    expect(kickoutCode(await stale.takeType(FrameType.kickout))).toBe(1);
    await stale.waitClosed();
    expect(stale.received.some((f) => f.type === FrameType.loginResponse)).toBe(false);
    first.send({ type: FrameType.keepalive, dataContent: '{}' });
    await first.takeType(FrameType.keepaliveResponse);
    first.close();
  });
});

describe('deadlines (short timings from --config)', () => {
  let fast: ServerProcess;
  let carol: TestUser;

  beforeAll(async () => {
    fast = await startServer({
      args: configArgs({ timings: { loginDeadlineMs: 400, idleExpiryMs: 1_500 } }),
    });
    carol = await registerUser(fast.url, 'carol');
  });

  afterAll(async () => {
    expect(await fast.stop()).toBe(0);
  });

  it('closes a socket that never logs in', async () => {
    const client = await TestClient.connect(fast.wsUrl);
    expect(await client.waitClosed()).toEqual({ code: 1008, reason: 'login deadline passed' });
  });

  it('closes a logged-in socket that goes silent', async () => {
    const client = await connectAs(fast.wsUrl, carol);
    expect(await client.waitClosed()).toEqual({ code: 1008, reason: 'idle expiry' });
  });

  it('keeps a socket that sends keepalives', async () => {
    const client = await connectAs(fast.wsUrl, carol);
    const startedAt = Date.now();
    // Beat well inside the expiry, as a client in "sense mode" does, for longer than the expiry.
    while (Date.now() - startedAt < 2_200) {
      client.send({ type: FrameType.keepalive, dataContent: '{}' });
      await client.takeType(FrameType.keepaliveResponse);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(client.isClosed).toBe(false);
    client.close();
  });
});
