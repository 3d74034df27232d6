import { WebSocket as WsWebSocket } from 'ws';
import { MAX_FRAME_BYTES } from '../../../shared/protocol';

/**
 * A handler property typed through a method so its parameter is checked bivariantly: the
 * `ws` class and the WHATWG WebSocket declare richer event types than the engine reads,
 * and both must be accepted as they are.
 */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'] | null;

export type SocketMessageEvent = Readonly<{ data: unknown }>;
export type SocketCloseEvent = Readonly<{ code: number; reason: string }>;

/** The part of the WHATWG WebSocket interface the engine uses (the `ws` class and browsers both fit). */
export type WebSocketLike = {
  readonly readyState: number;
  onopen: Handler<unknown>;
  onmessage: Handler<SocketMessageEvent>;
  onclose: Handler<SocketCloseEvent>;
  onerror: Handler<unknown>;
  send(data: string): void;
  close(code?: number, reason?: string): void;
};

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** WebSocket `readyState` values (the same numbers in `ws` and browsers). */
export const SocketState = { connecting: 0, open: 1, closing: 2, closed: 3 } as const;

/**
 * The `ws` client as the wire rules want it: no permessage-deflate (stock servers never
 * negotiate it) and inbound frames capped at the protocol's limit (ws closes with 1009).
 */
class TidingsWebSocket extends WsWebSocket {
  constructor(url: string) {
    super(url, { perMessageDeflate: false, maxPayload: MAX_FRAME_BYTES });
  }
}

export const defaultWebSocket: WebSocketConstructor = TidingsWebSocket;
