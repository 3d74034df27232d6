import { once } from 'node:events';
import net from 'node:net';
import { decodeFrame, FrameType, Typeu } from '../../../shared/protocol';

/**
 * A TCP proxy in front of the server that, while `dropping` is on, swallows every way the
 * server could tell a client that its message was stored: ACK frames (type 4), notifies
 * (typeu 11) and command replies (typeu 101, which carry inbox pages) on WebSocket links.
 * Everything else passes byte for byte, so a client can send a message that the server stores
 * while the client never learns it was stored.
 */
export async function startAckDroppingProxy(targetPort: number) {
  let dropping = false;
  let droppedAcks = 0;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
    client.pipe(upstream);

    let pending = Buffer.alloc(0);
    let frames = false;
    upstream.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      if (!frames) {
        const headerEnd = pending.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const head = pending.subarray(0, headerEnd + 4);
        if (!head.toString('latin1').startsWith('HTTP/1.1 101')) {
          // Plain HTTP: pass everything through from here on.
          client.write(pending);
          pending = Buffer.alloc(0);
          upstream.removeAllListeners('data');
          upstream.pipe(client);
          return;
        }
        client.write(head);
        pending = pending.subarray(headerEnd + 4);
        frames = true;
      }
      for (;;) {
        const frame = nextFrame(pending);
        if (!frame) return;
        pending = pending.subarray(frame.size);
        const signal = dropping && frame.opcode === 1 ? storedSignal(frame.payload.toString('utf8')) : null;
        if (signal) {
          if (signal === 'ack') droppedAcks += 1;
          continue;
        }
        client.write(frame.raw);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setDropping(on: boolean): void {
      dropping = on;
    },
    /** ACKs swallowed: each one is a message the server stored and the client never heard of. */
    droppedAcks: () => droppedAcks,
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function storedSignal(text: string): 'ack' | 'sync' | null {
  const decoded = decodeFrame(text);
  if (!decoded.ok) return null;
  const frame = decoded.value;
  if (frame.type === FrameType.ack) return 'ack';
  if (frame.type === FrameType.data && (frame.typeu === Typeu.notify || frame.typeu === Typeu.commandReply))
    return 'sync';
  return null;
}

/** One complete WebSocket frame from a server (unmasked) at the start of `buffer`, or null. */
function nextFrame(buffer: Buffer): { opcode: number; payload: Buffer; raw: Buffer; size: number } | null {
  if (buffer.length < 2) return null;
  const opcode = (buffer[0] ?? 0) & 0x0f;
  let length = (buffer[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  if (buffer.length < offset + length) return null;
  const size = offset + length;
  return { opcode, payload: buffer.subarray(offset, size), raw: buffer.subarray(0, size), size };
}
