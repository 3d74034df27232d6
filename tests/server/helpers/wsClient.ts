import { randomUUID } from 'node:crypto';
import WebSocket, { type RawData } from 'ws';
import {
  decodeFrame,
  encodeFrame,
  FrameType,
  Typeu,
  type Envelope,
  type EnvelopeInput,
} from '../../../shared/protocol';

export type Closed = Readonly<{ code: number; reason: string }>;

const DEFAULT_TIMEOUT_MS = 15_000;

/** A real `ws` client that records every frame it receives, for tests. */
export class TestClient {
  /** Every decoded frame received, in order. */
  readonly received: Envelope[] = [];
  readonly closed: Promise<Closed>;
  private readonly consumed = new Set<Envelope>();
  private readonly listeners = new Set<() => void>();
  private closeInfo: Closed | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      if (isBinary) throw new Error('server sent a binary frame');
      const decoded = decodeFrame(rawText(data));
      if (!decoded.ok) throw new Error(`server sent an invalid frame: ${decoded.message}`);
      this.received.push(decoded.value);
      for (const listener of [...this.listeners]) listener();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString('utf8') };
        resolve(this.closeInfo);
        for (const listener of [...this.listeners]) listener();
      });
    });
    socket.on('error', () => {}); // surfaced through `closed`
  }

  static async connect(url: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TestClient> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    const client = new TestClient(socket);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('connect timed out')), timeoutMs);
      socket.once('open', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    return client;
  }

  get isClosed(): boolean {
    return this.closeInfo !== null;
  }

  send(frame: EnvelopeInput): void {
    this.socket.send(encodeFrame(frame));
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.socket.send(data, { binary });
  }

  /**
   * The first received frame matching `predicate` that no earlier `take` returned; waits for
   * it up to the deadline. Rejects early if the socket closes first.
   */
  take(
    predicate: (frame: Envelope) => boolean,
    what = 'frame',
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<Envelope> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.received.find((f) => !this.consumed.has(f) && predicate(f));
        if (found) {
          this.consumed.add(found);
          done();
          resolve(found);
          return true;
        }
        if (this.closeInfo) {
          done();
          reject(
            new Error(
              `socket closed (${this.closeInfo.code} ${this.closeInfo.reason}) while waiting for ${what}`,
            ),
          );
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `timed out waiting for ${what}; received types ${this.received.map((f) => f.type).join(',')}`,
          ),
        );
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => void check();
      if (!check()) this.listeners.add(listener);
    });
  }

  takeType(type: number, timeoutMs?: number): Promise<Envelope> {
    return this.take((f) => f.type === type, `frame type ${type}`, timeoutMs);
  }

  /** Waits for the close and returns its code; fails after the deadline. */
  async waitClosed(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Closed> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('socket did not close in time')), timeoutMs);
    });
    try {
      return await Promise.race([this.closed, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    if (!this.isClosed) this.socket.close();
  }
}

export type LoginReply = Readonly<{ code: number; firstLoginTime: number }>;

export function loginFrame(userId: string, token: string, firstLoginTime = 0): EnvelopeInput {
  return {
    type: FrameType.login,
    dataContent: JSON.stringify({ loginUserId: userId, loginToken: token, extra: null, firstLoginTime }),
  };
}

/** Sends a login frame and returns the parsed 50 reply. */
export async function sendLogin(
  client: TestClient,
  userId: string,
  token: string,
  firstLoginTime = 0,
): Promise<LoginReply> {
  client.send(loginFrame(userId, token, firstLoginTime));
  const reply = await client.takeType(FrameType.loginResponse);
  return JSON.parse(reply.dataContent ?? 'null') as LoginReply;
}

/** Connects and logs in; fails unless the login succeeds. */
export async function connectAs(
  wsUrl: string,
  user: Readonly<{ userId: string; token: string }>,
  firstLoginTime = 0,
): Promise<TestClient & { firstLoginTime: number }> {
  const client = await TestClient.connect(wsUrl);
  const reply = await sendLogin(client, user.userId, user.token, firstLoginTime);
  if (reply.code !== 0) throw new Error(`login failed with ${reply.code}`);
  return Object.assign(client, { firstLoginTime: reply.firstLoginTime });
}

/** Sends a typeu 1 text message with QoS and returns its fp. */
export function sendText(client: TestClient, to: string, text: string, fp: string = randomUUID()): string {
  client.send({
    type: FrameType.data,
    to,
    fp,
    QoS: true,
    typeu: Typeu.message,
    dataContent: JSON.stringify({ kind: 'text', body: { text } }),
  });
  return fp;
}

export function takeAck(client: TestClient, fp: string, timeoutMs?: number): Promise<Envelope> {
  return client.take((f) => f.type === FrameType.ack && f.dataContent === fp, `ACK for ${fp}`, timeoutMs);
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
