import WebSocket from 'ws';

export type Connection =
  | Readonly<{ kind: 'open'; socket: WebSocket; frames: unknown[]; closed: Promise<number> }>
  | Readonly<{ kind: 'refused'; status: number }>;

/** Opens a WebSocket like a page would (with an Origin header) and reports how the server answered. */
export function connect(url: string, origin?: string): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    const frames: unknown[] = [];
    socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString('utf8'))));
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.once('open', () => resolve({ kind: 'open', socket, frames, closed }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ kind: 'refused', status: res.statusCode ?? 0 });
      res.resume();
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}
