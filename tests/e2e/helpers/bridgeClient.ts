import WebSocket from 'ws';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';
import type { BridgeProcess } from './bridgeProcess';

/**
 * Calls one channel of a bridge host's engine directly, as a second page would: for a test step
 * that another view owns (blocking a user), so the test does not depend on that view's markup.
 */
export async function callBridge<C extends Channel>(
  host: BridgeProcess,
  channel: C,
  request: RequestOf<C>,
): Promise<Result<ResponseOf<C>>> {
  const url = new URL(host.pageUrl);
  const socket = new WebSocket(`ws://${url.host}/ipc?token=${url.searchParams.get('token') ?? ''}`, {
    origin: host.origin,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return await new Promise<Result<ResponseOf<C>>>((resolve, reject) => {
      socket.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString('utf8')) as { id?: number; result?: Result<ResponseOf<C>> };
        if (frame.id === 1 && frame.result) resolve(frame.result);
      });
      socket.once('close', () => reject(new Error(`bridge closed before answering ${channel}`)));
      socket.send(JSON.stringify({ id: 1, channel, request }));
    });
  } finally {
    socket.close();
  }
}
