import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_PASTED_BYTES } from '../../shared/ipc/channels/files';
import type { EngineHost } from '../core/engineHost';
import { attachIpcRelay } from './ipcRelay';
import { createStaticHandler } from './staticFiles';
import { createToken, tokensMatch } from './token';

/**
 * Room for the largest valid request, a pasted or dropped file as base64 (4/3 of its bytes) plus
 * its name and framing; far below a memory problem. A smaller limit made ws hang up on every
 * file above ~750 KB, and the page never heard back.
 */
const MAX_FRAME_BYTES = Math.ceil(MAX_PASTED_BYTES / 3) * 4 + 64 * 1024;

export type BridgeServerOptions = Readonly<{
  engine: EngineHost;
  /** The renderer's bridge-mode build (dist/renderer-bridge). */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Tests may fix the token; otherwise a random one is made per run. */
  token?: string;
}>;

export type BridgeServer = Readonly<{
  /** http://127.0.0.1:PORT — also the only Origin whose WebSocket is accepted. */
  origin: string;
  port: number;
  token: string;
  /** The address to open in a browser. */
  pageUrl: string;
  /** Disconnects every page and stops listening (the engine is the caller's to close). */
  close(): Promise<void>;
}>;

type Verdict = Readonly<{ status: 200 | 403 | 404; reason: string }>;

/**
 * Only the page this host served may connect: the Origin check stops other sites (and DNS
 * rebinding, whose Origin is the attacker's name) and the token stops other local processes.
 */
function checkUpgrade(req: IncomingMessage, origin: string, token: string): Verdict {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname !== '/ipc') return { status: 404, reason: 'Not found' };
  if (req.headers.origin !== origin) return { status: 403, reason: 'Forbidden origin' };
  if (!tokensMatch(url.searchParams.get('token'), token)) return { status: 403, reason: 'Forbidden' };
  return { status: 200, reason: 'OK' };
}

function refuse(socket: Duplex, verdict: Verdict): void {
  const body = `${verdict.reason}\n`;
  socket.end(
    `HTTP/1.1 ${verdict.status} ${verdict.status === 404 ? 'Not Found' : 'Forbidden'}\r\n` +
      `Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Serves the bridge-mode renderer and relays its IPC to `engine`, on 127.0.0.1 only. */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = options.token ?? createToken();
  const http = createServer(createStaticHandler(options.staticDir));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let origin = '';

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = checkUpgrade(req, origin, token);
    if (verdict.status !== 200) return refuse(socket, verdict);
    sockets.handleUpgrade(req, socket, head, (ws) => attachIpcRelay(ws, options.engine));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return Object.freeze({
    origin,
    port,
    token,
    pageUrl: `${origin}/?token=${token}`,
    async close(): Promise<void> {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        http.close((error) => (error ? reject(error) : resolve())),
      );
    },
  });
}
