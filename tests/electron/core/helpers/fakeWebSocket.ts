import { decodeFrame, encodeFrame, type Envelope, type EnvelopeInput } from '../../../../shared/protocol';
import type { WebSocketConstructor, WebSocketLike } from '../../../../electron/core/deps/webSocket';

type Handler<E> = ((event: E) => void) | null;

/** An in-memory socket: the test plays the server by calling `open`, `receive` and `drop`. */
export class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: Handler<unknown> = null;
  onmessage: Handler<{ data: unknown }> = null;
  onclose: Handler<{ code: number; reason: string }> = null;
  onerror: Handler<unknown> = null;
  readonly sent: string[] = [];
  closedWith: { code?: number; reason?: string } | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }

  /** Frames the client sent, decoded. */
  frames(): Envelope[] {
    return this.sent.map((text) => {
      const decoded = decodeFrame(text);
      if (!decoded.ok) throw new Error(`client sent an invalid frame: ${text}`);
      return decoded.value;
    });
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(frame: EnvelopeInput): void {
    this.onmessage?.({ data: encodeFrame(frame) });
  }

  receiveRaw(data: unknown): void {
    this.onmessage?.({ data });
  }

  /** The server (or the network) closed the link. */
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

/** A WebSocket constructor whose instances the test can reach. */
export function createFakeSocketFactory(): {
  WebSocket: WebSocketConstructor;
  sockets: FakeSocket[];
  last(): FakeSocket;
} {
  const sockets: FakeSocket[] = [];
  class Recorded extends FakeSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  }
  return {
    WebSocket: Recorded,
    sockets,
    last() {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was opened');
      return socket;
    },
  };
}
