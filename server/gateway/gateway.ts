import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_FRAME_BYTES } from '../../shared/protocol';
import { CloseCode } from './closeCodes';
import { ClientConnection, type ConnectionDeps } from './connection';
import { isOriginAllowed } from './origin';

export const GATEWAY_PATH = '/websocket';

/** The WebSocket gateway, attached to the HTTP server's `upgrade` event. */
export type Gateway = Readonly<{
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Sends kickout (54, code 2, `reason`) to the user's sockets — every device, or only
   * `deviceId` — and closes them. Returns how many were kicked.
   */
  kick(userId: string, deviceId: string | null, reason: string): number;
  /** Refuses new sockets from now on (first step of shutdown). */
  stopAccepting(): void;
  /** Closes open sockets with 1001 and waits up to `graceMs` for them, then cuts off the rest. */
  closeAll(graceMs: number): Promise<void>;
  connectionCount(): number;
}>;

export function createGateway(
  deps: ConnectionDeps & Readonly<{ allowedOrigins: readonly string[] }>,
): Gateway {
  // The wire protocol has no permessage-deflate; maxPayload makes ws close larger frames with 1009.
  const server = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: MAX_FRAME_BYTES,
    clientTracking: false,
  });
  const connections = new Set<ClientConnection>();
  const closedWaiters = new Set<() => void>();
  let accepting = true;
  let nextId = 1;

  const refuse = (socket: Duplex, status: string): void => {
    socket.once('finish', () => socket.destroy());
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  return {
    handleUpgrade(request, socket, head) {
      socket.on('error', (error) => deps.logger.debug('upgrade socket error', { error }));
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (!accepting) return refuse(socket, '503 Service Unavailable');
      if (pathname !== GATEWAY_PATH) return refuse(socket, '404 Not Found');
      if (!isOriginAllowed(request.headers.origin, deps.allowedOrigins)) {
        deps.logger.info('websocket origin refused', { origin: request.headers.origin });
        return refuse(socket, '403 Forbidden');
      }
      server.handleUpgrade(request, socket, head, (ws) => {
        if (!accepting) return ws.close(CloseCode.goingAway, 'server shutting down');
        const connection = new ClientConnection(
          ws,
          deps,
          nextId++,
          () => {
            connections.delete(connection);
            if (connections.size === 0) for (const wake of closedWaiters) wake();
          },
          socket,
        );
        connections.add(connection);
      });
    },

    kick(userId, deviceId, reason) {
      const targets = deps.sessions
        .sessionsOf(userId)
        .filter((session) => deviceId === null || session.identity?.deviceId === deviceId);
      for (const session of targets) session.kick(reason);
      return targets.length;
    },

    stopAccepting() {
      accepting = false;
    },

    async closeAll(graceMs) {
      accepting = false;
      if (connections.size > 0) {
        const allClosed = new Promise<void>((resolve) => closedWaiters.add(resolve));
        for (const connection of connections) connection.close(CloseCode.goingAway, 'server shutting down');
        let cancel = (): void => {};
        const graceOver = new Promise<void>((resolve) => (cancel = deps.scheduler.after(graceMs, resolve)));
        await Promise.race([allClosed, graceOver]);
        cancel();
        for (const connection of connections) connection.terminate();
      }
      server.close();
    },

    connectionCount: () => connections.size,
  };
}
