import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  encodeFrame,
  errorPayloadSchema,
  FrameType,
  kickoutPayloadSchema,
  LoginCode,
  MAX_FRAME_BYTES,
  type Envelope,
} from '../../../shared/protocol';
import type { ServerProcess } from '../../helpers/serverProcess';
import { sendLogin, TestClient } from '../helpers/wsClient';
import { admin, pair, provision, startCoreServer, type Account } from '../sync/helpers/coreServer';
import {
  connectStock,
  connectTidings,
  keepalive,
  loginReply,
  loginWith,
  tidingsExtra,
} from '../sync/helpers/devices';

let server: ServerProcess;
let alice: Account;

beforeAll(async () => {
  server = await startCoreServer({ timings: { recallWindowMs: 90_000 } });
  [alice] = (await provision(server.url, 1, 'alice')) as [Account];
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

const kickoutCode = (frame: Envelope): number =>
  kickoutPayloadSchema.parse(JSON.parse(frame.dataContent ?? '{}')).code;

/** The server still serves HTTP and accepts a WebSocket login. */
async function expectHealthy(): Promise<void> {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const [probe] = (await provision(server.url, 1, 'probe')) as [Account];
  (await connectStock(server.wsUrl, probe)).close();
}

describe('login', () => {
  it('succeeds for a stock client and stamps firstLoginTime for a fresh login; no hello follows', async () => {
    const client = await TestClient.connect(server.wsUrl);
    const before = Date.now();
    const reply = await sendLogin(client, alice.userId, alice.token, 0);
    expect(reply.code).toBe(LoginCode.ok);
    expect(reply.firstLoginTime).toBeGreaterThanOrEqual(before - 1000);
    expect(reply.firstLoginTime).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await keepalive(client)).toBeNull(); // stock devices get "{}"
    expect(client.received.filter((f) => f.type === FrameType.data)).toEqual([]);
    client.close();
  });

  it('echoes a positive firstLoginTime', async () => {
    const [erin] = (await provision(server.url, 1, 'erin')) as [Account];
    const client = await TestClient.connect(server.wsUrl);
    expect(await sendLogin(client, erin.userId, erin.token, 1_700_000_000_123)).toEqual({
      code: 0,
      firstLoginTime: 1_700_000_000_123,
    });
    client.close();
  });

  it('greets a Tidings device with a hello right after the 50', async () => {
    const [erin, frank] = await pair(server.url);
    const sender = await connectStock(server.wsUrl, frank);
    sender.send({ type: FrameType.data, to: erin.userId, fp: 'h1', QoS: true, typeu: -1, dataContent: 'hi' });
    await sender.take((f) => f.type === FrameType.ack, 'ACK');
    const device = await connectTidings(server.wsUrl, erin, 'laptop-1');
    const loginIndex = device.received.findIndex((f) => f.type === FrameType.loginResponse);
    expect(device.received[loginIndex + 1]).toMatchObject({ type: FrameType.data, from: '0', typeu: 10 });
    expect(device.hello).toEqual({
      server: { name: 'tidings', version: expect.any(String) as string, capabilities: ['tidings/1'] },
      deviceId: 'laptop-1',
      cursors: { inbox: 1 },
      limits: { recallWindowMs: 90_000, maxTextLength: 8_000 },
    });
    expect(await keepalive(device)).toEqual({ inbox: 1 });
    device.close();
    sender.close();
  });

  it.each([
    ['a wrong token', (u: Account) => [u.userId, 'A'.repeat(43)]],
    ["another user's token", (u: Account) => [String(Number(u.userId) + 1000), u.token]],
    ['an injection-looking user id', (u: Account) => ["1' OR '1'='1", u.token]],
  ])('answers %s with 1025 and closes', async (_, credentials) => {
    const [userId, token] = credentials(alice) as [string, string];
    const client = await TestClient.connect(server.wsUrl);
    expect((await sendLogin(client, userId, token)).code).toBe(LoginCode.invalidToken);
    expect((await client.waitClosed()).code).toBe(1000);
  });

  it.each([
    ['a malformed payload', '{"nope":true}'],
    [
      'a malformed Tidings extra',
      JSON.stringify({ loginUserId: '1', loginToken: 'x', extra: JSON.stringify({ deviceId: "'; --" }) }),
    ],
  ])('answers %s with 1028 and closes', async (_, dataContent) => {
    const client = await TestClient.connect(server.wsUrl);
    client.send({ type: FrameType.login, dataContent });
    const reply = await client.takeType(FrameType.loginResponse);
    expect(JSON.parse(reply.dataContent ?? '{}')).toMatchObject({ code: LoginCode.badRequest });
    await client.waitClosed();
  });

  it('handles frames sent right behind the login once the login is answered', async () => {
    const client = await TestClient.connect(server.wsUrl);
    loginWith(client, alice, tidingsExtra('pipelined'));
    client.send({ type: FrameType.keepalive, dataContent: '{}' });
    expect((await loginReply(client)).code).toBe(0);
    const answer = await client.takeType(FrameType.keepaliveResponse);
    expect(JSON.parse(answer.dataContent ?? '')).toEqual({
      cursors: { inbox: expect.any(Number) as number },
    });
    expect(client.received.some((f) => f.type === FrameType.error)).toBe(false);
    client.close();
  });

  it('answers a disabled user with 1027', async () => {
    const [gina] = (await provision(server.url, 1, 'gina')) as [Account];
    expect(await admin(server.url, 'PATCH', `/api/admin/users/${gina.userId}`, { disabled: true })).toBe(200);
    const client = await TestClient.connect(server.wsUrl);
    expect((await sendLogin(client, gina.userId, gina.token)).code).toBe(LoginCode.userDisabled);
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
    const client = await connectStock(server.wsUrl, alice);
    client.send({ type: FrameType.logout });
    expect((await client.waitClosed()).code).toBe(1000);
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
    ['a wrongly typed QoS', '{"type":2,"QoS":"yes"}'],
    ['truncated JSON', '{"type":0,'],
  ])('%s → 1007', async (_, text) => {
    const client = await connectStock(server.wsUrl, alice);
    client.sendRaw(text);
    expect((await client.waitClosed()).code).toBe(1007);
    await expectHealthy();
  });

  it('a frame over 64 KiB → 1009', async () => {
    const client = await connectStock(server.wsUrl, alice);
    client.sendRaw(JSON.stringify({ type: FrameType.echo, dataContent: 'x'.repeat(MAX_FRAME_BYTES) }));
    expect((await client.waitClosed()).code).toBe(1009);
    await expectHealthy();
  });

  it('a frame of exactly 64 KiB is accepted', async () => {
    const client = await connectStock(server.wsUrl, alice);
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
    await expect(TestClient.connect(server.wsUrl.replace('/websocket', '/other'))).rejects.toThrow(/404/);
  });
});

describe('rate limit', () => {
  it('lets a burst of 500 frames through', async () => {
    const client = await connectStock(server.wsUrl, alice);
    for (let i = 0; i < 500; i++) client.send({ type: FrameType.echo, dataContent: `e${i}` });
    await client.take((f) => f.type === FrameType.echoResponse && f.dataContent === 'e499', 'last echo');
    expect(client.received.filter((f) => f.type === FrameType.echoResponse)).toHaveLength(500);
    expect(client.isClosed).toBe(false);
    client.close();
  });
});

describe('devices and duplicate login', () => {
  it('keeps several devices of one user online at once, stock included', async () => {
    const [bob] = (await provision(server.url, 1, 'bob')) as [Account];
    const laptop = await connectTidings(server.wsUrl, bob, 'laptop');
    const phone = await connectTidings(server.wsUrl, bob, 'phone');
    const stock = await connectStock(server.wsUrl, bob);
    for (const client of [laptop, phone, stock]) await keepalive(client);
    expect([laptop, phone, stock].some((c) => c.received.some((f) => f.type === FrameType.kickout))).toBe(
      false,
    );
    for (const client of [laptop, phone, stock]) client.close();
  });

  it('a fresh login of the same device kicks the older connection with 54 code 1; other devices stay', async () => {
    const [bob] = (await provision(server.url, 1, 'bob')) as [Account];
    const first = await connectTidings(server.wsUrl, bob, 'laptop');
    const other = await connectTidings(server.wsUrl, bob, 'phone');
    const second = await connectTidings(server.wsUrl, bob, 'laptop', 0);
    expect(kickoutCode(await first.takeType(FrameType.kickout))).toBe(1);
    await first.waitClosed();
    await keepalive(second);
    await keepalive(other);
    second.close();
    other.close();
  });

  it('a newer firstLoginTime kicks the older connection', async () => {
    const [bob] = (await provision(server.url, 1, 'bob')) as [Account];
    const first = await connectStock(server.wsUrl, bob, 1_000);
    const second = await connectStock(server.wsUrl, bob, 2_000);
    expect(kickoutCode(await first.takeType(FrameType.kickout))).toBe(1);
    await first.waitClosed();
    expect(second.isClosed).toBe(false);
    second.close();
  });

  it('an equal firstLoginTime silently replaces the older connection', async () => {
    const [bob] = (await provision(server.url, 1, 'bob')) as [Account];
    const first = await connectTidings(server.wsUrl, bob, 'tab');
    const second = await connectTidings(server.wsUrl, bob, 'tab', first.firstLoginTime);
    expect(second.firstLoginTime).toBe(first.firstLoginTime);
    await first.waitClosed();
    expect(first.received.some((f) => f.type === FrameType.kickout)).toBe(false);
    await keepalive(second);
    second.close();
  });

  it('an older firstLoginTime (a stale reconnect) gets the new connection kicked', async () => {
    const [bob] = (await provision(server.url, 1, 'bob')) as [Account];
    const first = await connectStock(server.wsUrl, bob, 5_000);
    const stale = await TestClient.connect(server.wsUrl);
    stale.send({
      type: FrameType.login,
      dataContent: JSON.stringify({ loginUserId: bob.userId, loginToken: bob.token, firstLoginTime: 4_000 }),
    });
    expect(kickoutCode(await stale.takeType(FrameType.kickout))).toBe(1);
    await stale.waitClosed();
    expect(stale.received.some((f) => f.type === FrameType.loginResponse)).toBe(false);
    await keepalive(first);
    first.close();
  });

  it('an admin kick sends 54 code 2 to one device or to all of them', async () => {
    const [carol] = (await provision(server.url, 1, 'carol')) as [Account];
    const laptop = await connectTidings(server.wsUrl, carol, 'laptop');
    const phone = await connectTidings(server.wsUrl, carol, 'phone');
    expect(
      await admin(server.url, 'POST', '/api/admin/kick', { userId: carol.userId, deviceId: 'phone' }),
    ).toBe(200);
    const kicked = kickoutPayloadSchema.parse(
      JSON.parse((await phone.takeType(FrameType.kickout)).dataContent ?? ''),
    );
    expect(kicked.code).toBe(2);
    expect(kicked.reason).toEqual(expect.any(String));
    await phone.waitClosed();
    await keepalive(laptop);
    const stock = await connectStock(server.wsUrl, carol);
    expect(await admin(server.url, 'POST', '/api/admin/kick', { userId: carol.userId })).toBe(200);
    for (const client of [laptop, stock]) {
      expect(kickoutCode(await client.takeType(FrameType.kickout))).toBe(2);
      expect((await client.waitClosed()).code).toBe(1000);
    }
  });
});

describe('origin check, rate limit and deadlines (their own server)', () => {
  let strict: ServerProcess;
  let dave: Account;

  beforeAll(async () => {
    strict = await startCoreServer({
      allowedOrigins: ['https://chat.example.com'],
      // A small bucket, so that a flood runs it dry however slowly a loaded machine handles it.
      rateLimit: { burst: 100, perSecond: 50 },
      timings: { loginDeadlineMs: 1_000, idleExpiryMs: 2_000 },
    });
    [dave] = (await provision(strict.url, 1, 'dave')) as [Account];
  });

  afterAll(async () => {
    expect(await strict.stop()).toBe(0);
  });

  /** Opens a socket as a browser would (with Origin): 'open', or the HTTP status of the refusal. */
  const openWithOrigin = (origin: string | undefined): Promise<string> =>
    new Promise((resolve) => {
      const socket = new WebSocket(strict.wsUrl, { perMessageDeflate: false, ...(origin ? { origin } : {}) });
      socket.once('open', () => {
        socket.close();
        resolve('open');
      });
      socket.once('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
      socket.once('error', (error) => resolve(error.message));
    });

  it('accepts an allowed browser Origin and a native client without one; refuses any other with 403', async () => {
    expect(await openWithOrigin('https://chat.example.com')).toBe('open');
    expect(await openWithOrigin(undefined)).toBe('open');
    expect(await openWithOrigin('https://evil.example.net')).toBe('403');
    expect(await openWithOrigin('null')).toBe('403');
    expect(await openWithOrigin('https://chat.example.com.evil.net')).toBe('403');
  });

  it('answers a flood with error 429, then closes with 1008', async () => {
    const client = await connectStock(strict.wsUrl, dave);
    for (let i = 0; i < 2_000; i++) client.send({ type: FrameType.echo, dataContent: 'x' });
    const error = await client.takeType(FrameType.error);
    expect(errorPayloadSchema.parse(JSON.parse(error.dataContent ?? '{}'))).toMatchObject({ errorCode: 429 });
    expect(await client.waitClosed()).toEqual({ code: 1008, reason: 'rate limit exceeded' });
    expect(client.received.filter((f) => f.type === FrameType.echoResponse).length).toBeLessThan(2_000);
    (await connectStock(strict.wsUrl, dave)).close();
  });

  it('closes a socket that never logs in', async () => {
    const client = await TestClient.connect(strict.wsUrl);
    expect(await client.waitClosed()).toEqual({ code: 1008, reason: 'login deadline passed' });
  });

  it('closes a logged-in socket that goes silent', async () => {
    const client = await connectStock(strict.wsUrl, dave);
    expect(await client.waitClosed()).toEqual({ code: 1008, reason: 'idle expiry' });
  });

  it('keeps a socket that sends keepalives', async () => {
    const client = await connectTidings(strict.wsUrl, dave);
    const startedAt = Date.now();
    // Beat well inside the expiry, as a client in "sense mode" does, for longer than the expiry.
    while (Date.now() - startedAt < 2_600) {
      await keepalive(client);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(client.isClosed).toBe(false);
    client.close();
  });
});
