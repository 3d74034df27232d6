import { describe, expect, it } from 'vitest';
import { FrameType, LoginCode, loginRequestSchema } from '../../../../shared/protocol';
import { createConnection, type ConnectionEvent } from '../../../../electron/core/net/connection';
import { createCaptureLogger } from '../helpers/captureLogger';
import { createFakeSocketFactory } from '../helpers/fakeWebSocket';
import { createManualTime } from '../helpers/manualTime';

const tuning = {
  loginTimeoutMs: 10_000,
  reconnectBaseMs: 1_000,
  reconnectCapMs: 30_000,
};

function setup(random = () => 0.5, options: { announce?: boolean; firstLoginTime?: number } = {}) {
  const time = createManualTime();
  const sockets = createFakeSocketFactory();
  const all: ConnectionEvent[] = [];
  let token = 'secret-token';
  const connection = createConnection({
    url: 'ws://server.test/websocket',
    userId: 'u1',
    token: () => token,
    deviceId: 'device-1',
    announce: options.announce ?? true,
    firstLoginTime: options.firstLoginTime ?? 0,
    keepalive: { intervalMs: 15_000, timeoutMs: 20_000 },
    WebSocket: sockets.WebSocket,
    timers: time,
    clock: time,
    random,
    logger: createCaptureLogger(),
    tuning,
  });
  connection.on((event) => all.push(event));
  // The outcomes; attempts and schedules are checked on `all`.
  const outcomes = (): ConnectionEvent[] =>
    all.filter((e) => e.type !== 'connecting' && e.type !== 'waiting');
  return { time, sockets, outcomes, all, connection, setToken: (next: string) => void (token = next) };
}

function loginPayload(dataContent: string | null) {
  return loginRequestSchema.parse(JSON.parse(dataContent ?? 'null'));
}

function answerLogin(
  socket: ReturnType<ReturnType<typeof createFakeSocketFactory>['last']>,
  code = 0,
  firstLoginTime = 111,
) {
  socket.receive({
    type: FrameType.loginResponse,
    from: '0',
    to: 'u1',
    dataContent: JSON.stringify({ code, firstLoginTime }),
  });
}

describe('connection', () => {
  it('logs in with the token, device id and capabilities, and is ready on code 0', () => {
    const { sockets, outcomes, connection } = setup();
    connection.start();
    const socket = sockets.last();
    expect(socket.url).toBe('ws://server.test/websocket');
    socket.open();
    const [login] = socket.frames();
    expect(login).toMatchObject({ type: FrameType.login, from: 'u1', to: '0' });
    const payload = loginPayload(login?.dataContent ?? null);
    expect(payload).toMatchObject({ loginUserId: 'u1', loginToken: 'secret-token', firstLoginTime: 0 });
    expect(JSON.parse(payload.extra ?? '')).toEqual({ deviceId: 'device-1', capabilities: ['tidings/1'] });
    expect(connection.state()).toBe('connecting');
    answerLogin(socket);
    expect(connection.state()).toBe('ready');
    expect(outcomes()).toEqual([{ type: 'ready', firstLoginTime: 111 }]);
  });

  it('logs in as a stock client (no extra) when it must not announce Tidings', () => {
    const { sockets, connection } = setup(() => 0.5, { announce: false });
    connection.start();
    sockets.last().open();
    expect(loginPayload(sockets.last().frames()[0]?.dataContent ?? null).extra).toBeNull();
  });

  it('resends a first-login time kept from an earlier run, and reads the token at every attempt', () => {
    const { time, sockets, connection, setToken } = setup(() => 0, { firstLoginTime: 777 });
    connection.start();
    sockets.last().open();
    expect(loginPayload(sockets.last().frames()[0]?.dataContent ?? null).firstLoginTime).toBe(777);
    setToken('fresh-token');
    sockets.last().drop();
    time.advance(0);
    sockets.last().open();
    expect(loginPayload(sockets.last().frames()[0]?.dataContent ?? null)).toMatchObject({
      loginToken: 'fresh-token',
      firstLoginTime: 777,
    });
  });

  it('announces each attempt and when the next one is due', () => {
    const { time, sockets, all, connection } = setup(() => 0.5);
    connection.start();
    sockets.last().drop();
    expect(all).toEqual([
      { type: 'connecting', attempt: 0 },
      { type: 'lost', reason: 'closed-1006' },
      { type: 'waiting', nextAttemptAt: time.now() + 500, attempt: 1 },
    ]);
  });

  it('restarts after a halt, fresh when asked (first-login time 0), and shortens the keepalive on request', () => {
    const { time, sockets, connection } = setup(() => 0);
    connection.start();
    sockets.last().open();
    answerLogin(sockets.last(), 0, 555);
    sockets.last().receive({ type: FrameType.kickout, from: '0', dataContent: JSON.stringify({ code: 1 }) });
    expect(connection.state()).toBe('stopped');
    connection.restart({ fresh: true });
    sockets.last().open();
    expect(loginPayload(sockets.last().frames()[0]?.dataContent ?? null).firstLoginTime).toBe(0);
    answerLogin(sockets.last(), 0, 556);
    connection.setKeepalive({ intervalMs: 5_000, timeoutMs: 8_000 });
    time.advance(5_000);
    expect(sockets.last().frames().at(-1)).toMatchObject({ type: FrameType.keepalive });
  });

  it('hands keepalive answers on, with their content', () => {
    const { sockets, all, connection } = setup();
    connection.start();
    sockets.last().open();
    answerLogin(sockets.last());
    sockets
      .last()
      .receive({ type: FrameType.keepaliveResponse, from: '0', dataContent: '{"cursors":{"inbox":3}}' });
    expect(all.at(-1)).toEqual({ type: 'keepalive-answer', dataContent: '{"cursors":{"inbox":3}}' });
  });

  it('resends the server’s firstLoginTime on an automatic re-login', () => {
    const { time, sockets, connection } = setup(() => 0);
    connection.start();
    sockets.last().open();
    answerLogin(sockets.last(), 0, 424242);
    sockets.last().drop();
    expect(connection.state()).toBe('waiting');
    time.advance(0);
    expect(sockets.sockets).toHaveLength(2);
    sockets.last().open();
    expect(loginPayload(sockets.last().frames()[0]?.dataContent ?? null).firstLoginTime).toBe(424242);
  });

  it('sends keepalives and declares the link lost when no 51 arrives in time', () => {
    const { time, sockets, outcomes, connection } = setup();
    connection.start();
    const socket = sockets.last();
    socket.open();
    answerLogin(socket);
    time.advance(15_000);
    expect(socket.frames().at(-1)).toMatchObject({ type: FrameType.keepalive, dataContent: '{}', to: '0' });
    socket.receive({ type: FrameType.keepaliveResponse, from: '0', dataContent: '{}' });
    time.advance(15_000); // second beat, answered never
    expect(connection.state()).toBe('ready');
    time.advance(19_999);
    expect(connection.state()).toBe('ready');
    time.advance(1);
    expect(outcomes().at(-1)).toEqual({ type: 'lost', reason: 'keepalive-timeout' });
    expect(connection.state()).toBe('waiting');
    expect(socket.closedWith).not.toBeNull();
  });

  it('backs off exponentially with full jitter up to the cap, and resets after a login', () => {
    const randoms = [0.999, 0.999, 0.999, 0.999, 0.999, 0.999, 0.999];
    const { time, sockets, connection } = setup(() => randoms.shift() ?? 0.999);
    connection.start();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = sockets.sockets.length;
      sockets.last().drop();
      let waited = 0;
      while (sockets.sockets.length === before) {
        time.advance(1);
        waited += 1;
      }
      delays.push(waited);
    }
    // floor(0.999 · min(30 s, 1 s · 2^n))
    expect(delays).toEqual([999, 1998, 3996, 7992, 15984, 29970, 29970]);
  });

  it('retries when the login is not answered before the deadline', () => {
    const { time, sockets, outcomes, connection } = setup(() => 0);
    connection.start();
    sockets.last().open();
    time.advance(10_000);
    expect(outcomes()).toEqual([{ type: 'lost', reason: 'login-timeout' }]);
    time.advance(0);
    expect(sockets.sockets).toHaveLength(2);
  });

  it('stops for good on an invalid or expired token, but retries when the server is busy', () => {
    const busy = setup(() => 0);
    busy.connection.start();
    busy.sockets.last().open();
    answerLogin(busy.sockets.last(), LoginCode.serverBusy);
    expect(busy.outcomes()[0]).toEqual({ type: 'rejected', code: LoginCode.serverBusy, retrying: true });
    busy.time.advance(0);
    expect(busy.sockets.sockets).toHaveLength(2);

    const expired = setup(() => 0);
    expired.connection.start();
    expired.sockets.last().open();
    answerLogin(expired.sockets.last(), LoginCode.tokenExpired);
    expect(expired.outcomes()[0]).toEqual({
      type: 'rejected',
      code: LoginCode.tokenExpired,
      retrying: false,
    });
    expect(expired.connection.state()).toBe('stopped');
    expired.time.advance(120_000);
    expect(expired.sockets.sockets).toHaveLength(1);
  });

  it('stops reconnecting after a kickout', () => {
    const { time, sockets, outcomes, connection } = setup(() => 0);
    connection.start();
    sockets.last().open();
    answerLogin(sockets.last());
    sockets.last().receive({ type: FrameType.kickout, from: '0', dataContent: JSON.stringify({ code: 1 }) });
    sockets.last().drop(1000);
    expect(outcomes().at(-1)).toEqual({ type: 'kicked', code: 1 });
    expect(connection.state()).toBe('stopped');
    time.advance(120_000);
    expect(sockets.sockets).toHaveLength(1);
    expect(time.pending()).toBe(0);
  });

  it('passes data and ACK frames on only after login, and ignores binary and malformed frames', () => {
    const { sockets, outcomes, connection } = setup();
    connection.start();
    const socket = sockets.last();
    socket.open();
    socket.receive({ type: FrameType.ack, from: 'u2', dataContent: 'early' });
    answerLogin(socket);
    socket.receiveRaw(Buffer.from('{"type":4}'));
    socket.receiveRaw('not json');
    socket.receive({ type: FrameType.ack, from: 'u2', dataContent: 'fp-1' });
    const frames = outcomes().flatMap((e) => (e.type === 'frame' ? [e.frame] : []));
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ type: FrameType.ack, dataContent: 'fp-1' });
  });

  it('refuses to send before login and logs out on stop, leaving no timer behind', () => {
    const { time, sockets, connection } = setup();
    connection.start();
    const socket = sockets.last();
    socket.open();
    expect(connection.send('{"type":2}')).toBe(false);
    answerLogin(socket);
    expect(connection.send('{"type":2}')).toBe(true);
    connection.stop();
    expect(socket.frames().at(-1)).toMatchObject({ type: FrameType.logout, from: 'u1' });
    expect(socket.closedWith?.code).toBe(1000);
    expect(connection.state()).toBe('closed');
    expect(time.pending()).toBe(0);
    socket.drop();
    expect(sockets.sockets).toHaveLength(1);
  });

  it('reconnects at once on reconnectNow while waiting', () => {
    const { sockets, connection } = setup(() => 0.9);
    connection.start();
    sockets.last().drop();
    expect(connection.state()).toBe('waiting');
    connection.reconnectNow();
    expect(sockets.sockets).toHaveLength(2);
    expect(connection.state()).toBe('connecting');
  });
});
