import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createBroadcasts } from './broadcasts/broadcasts';
import { createServerStats } from './broadcasts/serverStats';
import type { ServerConfig } from './config';
import type { ClientConnection } from './gateway/connection';
import { createGateway } from './gateway/gateway';
import { createPresence } from './gateway/presence';
import { createSessionRegistry } from './gateway/sessionRegistry';
import { createAdminBroadcastRoutes } from './http/adminBroadcastRoutes';
import { createHttpHandler } from './http/httpHandler';
import { createRoutes } from './http/routes';
import { createLogger, type Logger } from './log/logger';
import { createServerMetrics, type ServerMetrics } from './observability/metrics';
import { systemClock, systemScheduler, type Clock, type Scheduler } from './ports';
import { createAccessTokens } from './services/accessTokens';
import { createAdminService } from './services/adminService';
import { createAuthService } from './services/authService';
import { createBlobStore } from './files/blobStore';
import { createFileService } from './files/fileService';
import { startUploadSweeper } from './files/uploadSweeper';
import { createMessagingCore } from './services/messagingCore';
import { createUserService } from './services/userService';
import { loadOrCreateAuthSecret } from './storage/authSecret';
import { openDatabase } from './storage/database';
import { createCoreRepositories } from './storage/coreRepositories';
import { createFileRepository } from './storage/fileRepository';
import { createFriendRepository } from './storage/friendRepository';
import { createGroupRepository } from './storage/groupRepository';
import { createPresenceRepository } from './storage/presenceRepository';
import { createTokenRepository } from './storage/tokenRepository';
import { createUserRepository } from './storage/userRepository';

export type RunningServer = Readonly<{
  /** e.g. http://127.0.0.1:7700 (https: with TLS); the gateway is at `${url}/websocket` with ws: (wss:). */
  url: string;
  port: number;
  /** Graceful stop: no new connections, pending messages committed and ACKed, sockets closed with 1001, database closed. */
  close(): Promise<void>;
}>;

export type ServerDeps = Readonly<{
  logger?: Logger;
  clock?: Clock;
  scheduler?: Scheduler;
  metrics?: ServerMetrics;
}>;

export const DATABASE_FILE = 'tidings.db';
/** Uploaded files' bytes, under the data dir. */
export const FILES_DIRECTORY = 'files';

/** Composition root: opens storage, wires repositories → services → HTTP and gateway, listens. */
export async function startServer(config: ServerConfig, deps: ServerDeps = {}): Promise<RunningServer> {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const clock = deps.clock ?? systemClock;
  const scheduler = deps.scheduler ?? systemScheduler;
  const metrics = deps.metrics ?? createServerMetrics();

  fs.mkdirSync(config.dataDir, { recursive: true });
  // Read before anything is opened, so a bad path fails the start without leaving handles behind.
  const tls = config.tls
    ? { cert: fs.readFileSync(config.tls.certFile), key: fs.readFileSync(config.tls.keyFile) }
    : null;
  const authSecret = loadOrCreateAuthSecret(config.dataDir);
  if (authSecret.repairedMode) logger.warn('auth secret file was readable by others; narrowed to 0600');
  const db = openDatabase(path.join(config.dataDir, DATABASE_FILE));

  const userRepository = createUserRepository(db);
  const auth = createAuthService({
    users: userRepository,
    tokens: createTokenRepository(db),
    accessTokens: createAccessTokens(authSecret.secret, clock, config.auth.accessTokenTtlSeconds),
    clock,
    logger: logger.child({ component: 'auth' }),
    metrics,
    refreshTtlSeconds: config.auth.refreshTokenTtlSeconds,
  });
  const users = createUserService(userRepository);
  const sessions = createSessionRegistry<ClientConnection>();
  const files = createFileService({
    files: createFileRepository(db),
    blobs: createBlobStore(path.join(config.dataDir, FILES_DIRECTORY)),
    limits: config.files,
    clock,
    logger: logger.child({ component: 'files' }),
  });
  const startedAt = clock.now();
  const presence = createPresence(sessions);
  const broadcasts = createBroadcasts({
    db,
    users: userRepository,
    presence,
    clock,
    scheduler,
    logger: logger.child({ component: 'broadcasts' }),
    metrics,
    refreshMs: config.timings.publicInboxRefreshMs,
    notifyJitterMs: config.timings.broadcastNotifyJitterMs,
  });
  const core = createMessagingCore({
    repositories: createCoreRepositories(db),
    friends: createFriendRepository(db),
    groups: createGroupRepository(db),
    presenceSettings: createPresenceRepository(db),
    files,
    users: userRepository,
    presence,
    config,
    publicInbox: broadcasts.handlers,
    clock,
    scheduler,
    logger,
    metrics,
  });
  const gateway = createGateway({
    auth,
    messaging: core.messaging,
    commands: core.commands,
    delivery: core.delivery,
    devices: broadcasts.withPublicCursor(core.devices),
    sessions,
    clock,
    scheduler,
    timings: config.timings,
    rateLimit: config.rateLimit,
    allowedOrigins: config.allowedOrigins,
    logger: logger.child({ component: 'gateway' }),
    metrics,
  });

  metrics.setConnectionSource(() => gateway.connectionCount());
  const admin = createAdminService({
    users: userRepository,
    auth,
    kickSockets: (userId, deviceId, reason) => gateway.kick(userId, deviceId, reason),
    clock,
    logger: logger.child({ component: 'admin' }),
    metrics,
  });
  const handler = createHttpHandler({
    routes: [
      ...createRoutes({
        auth,
        users,
        metrics,
        files: { service: files, logger: logger.child({ component: 'files' }) },
        admin: config.adminToken === null ? null : { service: admin, options: config.admin },
      }),
      ...(config.adminToken === null
        ? []
        : createAdminBroadcastRoutes(
            broadcasts.admin,
            createServerStats({
              db,
              clock,
              startedAt,
              onlineDevices: () => gateway.connectionCount(),
              onlineUsers: () => sessions.size(),
              broadcasts: () => broadcasts.stats(),
            }),
          )),
    ],
    auth,
    adminToken: config.adminToken,
    logger: logger.child({ component: 'http' }),
    metrics,
    bodyLimitBytes: config.httpBodyLimitBytes,
  });
  const httpServer = tls ? https.createServer(tls, handler) : http.createServer(handler);
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
    // Stop the core's timers too, or they keep a failed process alive.
    core.close();
    broadcasts.close();
    db.close();
    throw error;
  }
  const stopUploadSweeper = startUploadSweeper({
    files,
    scheduler,
    intervalMs: Math.min(config.files.incompleteUploadTtlMs, 60 * 60 * 1000),
    logger: logger.child({ component: 'files' }),
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `${tls ? 'https' : 'http'}://${host}:${port}`;
  logger.info('server started', {
    url,
    publicUrl: config.publicUrl,
    dataDir: config.dataDir,
    adminApi: config.adminToken !== null,
  });

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    const grace = config.timings.shutdownGraceMs;
    gateway.stopAccepting();
    const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    // Commit what is queued, and let the ACKs for it be written before the sockets close.
    core.flush();
    await new Promise((resolve) => setImmediate(resolve));
    await gateway.closeAll(grace);
    await new Promise((resolve) => setImmediate(resolve));
    stopUploadSweeper();
    core.close();
    broadcasts.close();
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
