import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ServerConfig } from './config';
import { createGateway } from './gateway/gateway';
import { createPusher } from './gateway/pusher';
import { createSessionRegistry } from './gateway/sessionRegistry';
import { createHttpHandler } from './http/httpHandler';
import { createRoutes } from './http/routes';
import { createLogger, type Logger } from './log/logger';
import { systemClock, systemScheduler, type Clock, type Scheduler } from './ports';
import { createAuthService } from './services/authService';
import { createDeliveryService } from './services/deliveryService';
import { createMessagingService } from './services/messagingService';
import { createUserService } from './services/userService';
import { openDatabase } from './storage/database';
import { createDeliveryRepository } from './storage/deliveryRepository';
import { createMessageRepository } from './storage/messageRepository';
import { createTokenRepository } from './storage/tokenRepository';
import { createUserRepository } from './storage/userRepository';

export type RunningServer = Readonly<{
  /** e.g. http://127.0.0.1:7700; the gateway is at `${url}/websocket` with ws:. */
  url: string;
  port: number;
  /** Graceful stop: no new connections, pending messages committed and ACKed, sockets closed with 1001, database closed. */
  close(): Promise<void>;
}>;

export type ServerDeps = Readonly<{ logger?: Logger; clock?: Clock; scheduler?: Scheduler }>;

export const DATABASE_FILE = 'tidings.db';

/** Composition root: opens storage, wires repositories → services → HTTP and gateway, listens. */
export async function startServer(config: ServerConfig, deps: ServerDeps = {}): Promise<RunningServer> {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const clock = deps.clock ?? systemClock;
  const scheduler = deps.scheduler ?? systemScheduler;

  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(path.join(config.dataDir, DATABASE_FILE));

  const userRepository = createUserRepository(db);
  const auth = createAuthService({ users: userRepository, tokens: createTokenRepository(db), clock });
  const users = createUserService(userRepository);
  const sessions = createSessionRegistry();
  const delivery = createDeliveryService({
    repository: createDeliveryRepository(db),
    pusher: createPusher(sessions),
    clock,
    scheduler,
    logger: logger.child({ component: 'delivery' }),
    options: { retryMs: config.timings.pushRetryMs, maxRetries: config.timings.pushMaxRetries },
  });
  const messaging = createMessagingService({
    users: userRepository,
    messages: createMessageRepository(db),
    delivery,
    clock,
    logger: logger.child({ component: 'messaging' }),
    batchMaxMessages: config.batchMaxMessages,
  });
  const gateway = createGateway({
    auth,
    messaging,
    delivery,
    sessions,
    clock,
    scheduler,
    timings: config.timings,
    logger: logger.child({ component: 'gateway' }),
  });

  const httpServer = http.createServer(
    createHttpHandler({
      routes: createRoutes({ auth, users }),
      auth,
      logger: logger.child({ component: 'http' }),
      bodyLimitBytes: config.httpBodyLimitBytes,
    }),
  );
  httpServer.on('upgrade', (request, socket, head) => gateway.handleUpgrade(request, socket, head));
  httpServer.on('clientError', (error, socket) => {
    logger.debug('http client error', { error });
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  logger.info('server started', { url, dataDir: config.dataDir });

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    const grace = config.timings.shutdownGraceMs;
    gateway.stopAccepting();
    const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    // Commit what is queued, and let the ACKs for it be written before the sockets close.
    messaging.close();
    await new Promise((resolve) => setImmediate(resolve));
    await gateway.closeAll(grace);
    delivery.close();
    let cancel = (): void => {};
    await Promise.race([
      httpClosed,
      new Promise<void>((resolve) => (cancel = scheduler.after(grace, resolve))),
    ]);
    cancel();
    httpServer.closeAllConnections();
    db.close();
    logger.info('server stopped');
  };

  return {
    url,
    port,
    close: () => (closing ??= close()),
  };
}
