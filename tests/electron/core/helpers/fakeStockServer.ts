import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  decodeFrame,
  encodeFrame,
  ERROR_NOT_LOGGED_IN,
  FrameType,
  KickoutCode,
  loginRequestSchema,
  MAX_FRAME_BYTES,
  type Envelope,
  type EnvelopeInput,
} from '../../../../shared/protocol';

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

export type FakeStockServerOptions = {
  /** The application's login check: 0 accepts, anything else refuses (≥ 1025 by convention). */
  checkLogin?: (userId: string, token: string | null) => number;
  /** Close a connection that sent nothing for this long (the 5S mode's WebSocket expire is 11 s). */
  expireMs?: number;
  /** Retry the receiver once this long after a relay its ACK did not answer (stock: about 2–7 s). */
  receiverRetryMs?: number;
  /** Stamp relayed frames with the server's time (`sm`), as a configured stock server does. */
  stamp?: boolean;
};

type Client = {
  socket: WebSocket;
  userId: string | null;
  firstLoginTime: number;
  idle: NodeJS.Timeout | null;
};

/**
 * A stock MobileIMSDK v6 server as ../shared/docs/mobileimsdk-wire.md describes it, on a real
 * WebSocket at 127.0.0.1: any user id logs in (unless `checkLogin` says no), C2C frames are
 * relayed unchanged and ACKed to the sender on the receiver's behalf as soon as they are
 * written, silent connections are dropped after the expire time, and it never says hello.
 */
export async function startFakeStockServer(options: FakeStockServerOptions = {}) {
  const expireMs = options.expireMs ?? 11_000;
  const http1 = http.createServer((_request, response) => response.writeHead(404).end());
  const wss = new WebSocketServer({
    server: http1,
    path: '/websocket',
    perMessageDeflate: false,
    maxPayload: MAX_FRAME_BYTES,
  });
  const clients = new Set<Client>();
  const online = new Map<string, Client>();
  const received: Array<{ from: string | null; frame: Envelope }> = [];
  const relayed: Envelope[] = [];
  const pendingReceiverAcks = new Map<string, NodeJS.Timeout>();
  const c2s: Envelope[] = [];
  let expired = 0;

  const send = (client: Client, frame: EnvelopeInput): void => {
    if (client.socket.readyState === client.socket.OPEN) client.socket.send(encodeFrame(frame));
  };

  const arm = (client: Client): void => {
    if (client.idle) clearTimeout(client.idle);
    client.idle = setTimeout(() => {
      expired += 1;
      client.socket.close(1000, 'expired');
    }, expireMs);
  };

  const onLogin = (client: Client, frame: Envelope): void => {
    let login;
    try {
      login = loginRequestSchema.parse(JSON.parse(frame.dataContent ?? 'null'));
    } catch {
      client.socket.close(1000);
      return;
    }
    const code = options.checkLogin?.(login.loginUserId, login.loginToken) ?? 0;
    if (code !== 0) {
      send(client, { type: FrameType.loginResponse, from: '0', dataContent: JSON.stringify({ code }) });
      client.socket.close(1000);
      return;
    }
    const requested = login.firstLoginTime;
    const resolved = requested <= 0 ? Date.now() : requested;
    const existing = online.get(login.loginUserId);
    if (existing && existing !== client) {
      if (requested > 0 && requested < existing.firstLoginTime) {
        // A stale reconnect: the live session wins and the newcomer is kicked.
        send(client, {
          type: FrameType.loginResponse,
          from: '0',
          dataContent: JSON.stringify({ code: 0, firstLoginTime: resolved }),
        });
        send(client, {
          type: FrameType.kickout,
          from: '0',
          dataContent: JSON.stringify({ code: KickoutCode.duplicateLogin }),
        });
        client.socket.close(1000);
        return;
      }
      if (requested !== existing.firstLoginTime)
        send(existing, {
          type: FrameType.kickout,
          from: '0',
          dataContent: JSON.stringify({ code: KickoutCode.duplicateLogin }),
        });
      existing.userId = null;
      existing.socket.close(1000);
    }
    client.userId = login.loginUserId;
    client.firstLoginTime = resolved;
    online.set(login.loginUserId, client);
    send(client, {
      type: FrameType.loginResponse,
      from: '0',
      dataContent: JSON.stringify({ code: 0, firstLoginTime: resolved }),
    });
  };

  const relay = (sender: Client, frame: Envelope, retry: boolean): void => {
    const receiver = online.get(frame.to);
    if (!receiver) return; // the stock demo stores nothing: dropped, no ACK, no error
    const out: EnvelopeInput = { ...frame, ...(options.stamp ? { sm: Date.now() } : {}) };
    receiver.socket.send(encodeFrame(out), (error) => {
      if (error) return;
      relayed.push(frame);
      if (frame.QoS && frame.fp && !retry) {
        send(sender, { type: FrameType.ack, from: frame.to, to: frame.from, dataContent: frame.fp });
        if (options.receiverRetryMs !== undefined) {
          const key = `${frame.to}|${frame.fp}`;
          pendingReceiverAcks.set(
            key,
            setTimeout(() => {
              pendingReceiverAcks.delete(key);
              relay(sender, frame, true);
            }, options.receiverRetryMs),
          );
        }
      }
    });
  };

  const onData = (client: Client, userId: string, frame: Envelope): void => {
    if (frame.to === '0') {
      if (frame.QoS && frame.fp)
        send(client, { type: FrameType.ack, from: '0', to: userId, dataContent: frame.fp });
      if (!c2s.some((f) => f.fp !== null && f.fp === frame.fp)) c2s.push(frame);
      return;
    }
    relay(client, frame, false);
  };

  wss.on('connection', (socket) => {
    const client: Client = { socket, userId: null, firstLoginTime: 0, idle: null };
    clients.add(client);
    arm(client);
    socket.on('message', (data: RawData, isBinary: boolean) => {
      arm(client);
      if (isBinary) return socket.close(1000);
      const decoded = decodeFrame(rawText(data));
      if (!decoded.ok) return socket.close(1000);
      const frame = decoded.value;
      received.push({ from: client.userId, frame });
      switch (frame.type) {
        case FrameType.login:
          return onLogin(client, frame);
        case FrameType.echo:
          return send(client, { ...frame, type: FrameType.echoResponse });
        case FrameType.logout:
          return socket.close(1000);
        case FrameType.keepalive:
        case FrameType.data:
        case FrameType.ack: {
          const userId = client.userId;
          if (userId === null) {
            send(client, {
              type: FrameType.error,
              from: '0',
              dataContent: JSON.stringify({ errorCode: ERROR_NOT_LOGGED_IN, errorMsg: 'not logged in' }),
            });
            return socket.close(1000);
          }
          if (frame.type === FrameType.keepalive)
            return send(client, { type: FrameType.keepaliveResponse, from: '0', dataContent: '{}' });
          if (frame.type === FrameType.data) return onData(client, userId, frame);
          // The receiver's own ACK is consumed, never forwarded.
          const key = `${userId}|${frame.dataContent ?? ''}`;
          const timer = pendingReceiverAcks.get(key);
          if (timer) clearTimeout(timer);
          pendingReceiverAcks.delete(key);
          return;
        }
        default:
          return;
      }
    });
    socket.on('close', () => {
      if (client.idle) clearTimeout(client.idle);
      clients.delete(client);
      if (client.userId !== null && online.get(client.userId) === client) online.delete(client.userId);
    });
    socket.on('error', () => undefined);
  });

  http1.listen(0, '127.0.0.1');
  await once(http1, 'listening');
  const { port } = http1.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/websocket`,
    port,
    /** Every frame a client sent, with the user it was logged in as. */
    received,
    /** Frames written to a receiver. */
    relayed,
    /** Data frames sent to the server itself. */
    c2s,
    expiredCount: () => expired,
    online: (userId: string) => online.has(userId),
    /** Drops every connection (a server restart, a network cut). */
    dropAll(): void {
      for (const client of clients) client.socket.terminate();
    },
    async close(): Promise<void> {
      for (const timer of pendingReceiverAcks.values()) clearTimeout(timer);
      for (const client of clients) client.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http1.close(() => resolve()));
    },
  };
}

export type FakeStockServer = Awaited<ReturnType<typeof startFakeStockServer>>;
