import type { IpcTransport } from '../../../shared/ipc/api';
import type { Channel, EventName } from '../../../shared/ipc/contract';

/**
 * The bridge protocol, as electron/bridge/ipcRelay.ts speaks it:
 * renderer → host `{id, channel, request}`; host → renderer `{id, result}` and `{event, payload}`.
 */
type OutgoingFrame = Readonly<{ id: number; channel: Channel; request: unknown }>;

/** The part of a browser WebSocket the transport uses; tests pass a fake. */
export type BridgeSocket = {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
};

export type BridgeTransport = IpcTransport & Readonly<{ close(): void }>;

const OPEN = 1;

type Pending = Readonly<{ resolve: (result: unknown) => void; reject: (error: Error) => void }>;

function parseFrame(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * An IpcTransport over an open WebSocket to the bridge host. Replies are matched to calls by
 * id; results and payloads are validated by createTidingsApi, so this layer checks only framing.
 */
export function createBridgeTransport(socket: BridgeSocket): BridgeTransport {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let closed = socket.readyState !== OPEN;

  socket.addEventListener('message', (event) => {
    const frame = parseFrame(event.data);
    if (!frame) return;
    if (typeof frame.id === 'number' && 'result' in frame) {
      const call = pending.get(frame.id);
      pending.delete(frame.id);
      call?.resolve(frame.result);
    } else if (typeof frame.event === 'string') {
      for (const listener of listeners.get(frame.event) ?? []) {
        try {
          listener(frame.payload);
        } catch (error) {
          // One broken listener must not starve the others; rethrow outside the loop so it still surfaces.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  });
  socket.addEventListener('close', () => {
    closed = true;
    for (const call of pending.values()) call.reject(new Error('The connection to the bridge host closed.'));
    pending.clear();
  });

  return Object.freeze({
    invoke(channel: Channel, request: unknown): Promise<unknown> {
      if (closed) return Promise.reject(new Error('The connection to the bridge host is closed.'));
      const id = nextId++;
      const frame: OutgoingFrame = { id, channel, request };
      return new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          socket.send(JSON.stringify(frame));
        } catch (error) {
          pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      // Wrap so subscribing the same function twice yields two independent subscriptions.
      const entry = (payload: unknown): void => listener(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    close(): void {
      socket.close(1000, 'closed by the page');
    },
  });
}
