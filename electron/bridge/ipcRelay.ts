import type { RawData, WebSocket } from 'ws';
import { z } from 'zod';
import type { EventName, Result } from '../../shared/ipc';
import { fail } from '../../shared/ipc/errors';
import type { EngineHost } from '../core/engineHost';
import { pageMayAsk } from '../core/ipc/pageRequests';

/**
 * The bridge protocol (renderer/src/bridge/bridgeTransport.ts is the other end):
 * page → host `{id, channel, request}`; host → page `{id, result}` and `{event, payload}`.
 * Only the framing is checked here; the engine validates channel and request itself.
 */
const requestFrameSchema = z.object({
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().min(1).max(100),
  request: z.unknown(),
});
type RequestFrame = z.infer<typeof requestFrameSchema>;

type HostFrame =
  Readonly<{ id: number; result: Result<unknown> }> | Readonly<{ event: EventName; payload: unknown }>;

function toText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function parseRequestFrame(text: string): RequestFrame | null {
  try {
    const parsed = requestFrameSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Connects one page's socket to the engine until the socket closes. */
export function attachIpcRelay(socket: WebSocket, engine: EngineHost): void {
  const send = (frame: HostFrame): void => {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify(frame));
  };
  const unsubscribe = engine.onEvent((event) => send({ event: event.name, payload: event.payload }));

  socket.on('message', (data, isBinary) => {
    // A page that breaks the protocol is buggy or hostile either way: hang up rather than guess.
    if (isBinary) return socket.close(1003, 'text frames only');
    const frame = parseRequestFrame(toText(data));
    if (!frame) return socket.close(1008, 'malformed frame');
    if (!pageMayAsk(frame.channel, frame.request))
      return send({ id: frame.id, result: fail('forbidden-sender') });
    engine.dispatch(frame.channel, frame.request).then(
      (result) => send({ id: frame.id, result }),
      // dispatch is documented never to throw; if it does anyway, the page still gets an answer.
      () => send({ id: frame.id, result: fail('internal') }),
    );
  });
  socket.on('close', unsubscribe);
  // ws reports protocol violations (bad UTF-8, oversized frames) as 'error'; unhandled, it would crash the host.
  socket.on('error', () => socket.terminate());
}
