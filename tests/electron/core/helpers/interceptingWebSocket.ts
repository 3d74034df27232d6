import { WebSocket as WsWebSocket } from 'ws';
import type {
  SocketCloseEvent,
  SocketMessageEvent,
  WebSocketConstructor,
  WebSocketLike,
} from '../../../../electron/core';
import { decodeFrame, type Envelope } from '../../../../shared/protocol';

type Handler<E> = ((event: E) => void) | null;

export type Interceptor = Readonly<{
  /** Frames from the server: return the frames the engine should see (none = dropped, two = duplicated). */
  inbound?: (frame: Envelope, text: string) => string[];
  /** Frames from the engine: false drops the frame instead of sending it. */
  outbound?: (frame: Envelope, text: string) => boolean;
}>;

/**
 * A real `ws` connection with a hook in each direction, injected as the engine's WebSocket, to
 * stage lost ACKs and duplicate deliveries against the real server.
 */
export function createInterceptingWebSocket(interceptor: Interceptor) {
  const sentByEngine: Envelope[] = [];
  const seenFromServer: Envelope[] = [];
  const decode = (text: string): Envelope | null => {
    const decoded = decodeFrame(text);
    return decoded.ok ? decoded.value : null;
  };

  class InterceptingWebSocket implements WebSocketLike {
    onopen: Handler<unknown> = null;
    onmessage: Handler<SocketMessageEvent> = null;
    onclose: Handler<SocketCloseEvent> = null;
    onerror: Handler<unknown> = null;
    private readonly inner: WsWebSocket;

    constructor(url: string) {
      this.inner = new WsWebSocket(url, { perMessageDeflate: false });
      this.inner.onopen = (event) => this.onopen?.(event);
      this.inner.onclose = (event) => this.onclose?.(event);
      this.inner.onerror = (event) => this.onerror?.(event);
      this.inner.onmessage = (event) => {
        // The gateway sends text frames only; `ws` hands those over as strings.
        const text = typeof event.data === 'string' ? event.data : '';
        const frame = decode(text);
        if (frame) seenFromServer.push(frame);
        const deliver = frame && interceptor.inbound ? interceptor.inbound(frame, text) : [text];
        for (const data of deliver) this.onmessage?.({ data });
      };
    }

    get readyState(): number {
      return this.inner.readyState;
    }

    send(data: string): void {
      const frame = decode(data);
      if (frame) sentByEngine.push(frame);
      if (frame && interceptor.outbound && !interceptor.outbound(frame, data)) return;
      this.inner.send(data);
    }

    close(code?: number, reason?: string): void {
      this.inner.close(code, reason);
    }
  }

  return { WebSocket: InterceptingWebSocket as WebSocketConstructor, sentByEngine, seenFromServer };
}
