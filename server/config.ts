import path from 'node:path';

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * The server's configuration: its shape and defaults. `commandLine.ts` reads flags and the
 * environment, `configFile.ts` the `--config` JSON file.
 */

/** Every timing the server uses; tests shrink them through `--config`. */
export type Timings = Readonly<{
  /** A socket that has not logged in by then is closed. */
  loginDeadlineMs: number;
  /** A socket that sent nothing for this long is closed (the wire doc's "expire"). */
  idleExpiryMs: number;
  /** How long a pushed message waits for the receiver's ACK before it is pushed again. */
  pushRetryMs: number;
  /** Pushes after the first one; then the message waits for the receiver's next login. */
  pushMaxRetries: number;
  /** How long shutdown waits for sockets and requests before cutting them off. */
  shutdownGraceMs: number;
  /** Upper bound of the random delay before a notify that makes devices pull (spreads the pulls out). */
  notifyJitterMs: number;
  /** Inbox events older than this are deleted; a cursor from before them gets `cursor-reset`. */
  inboxRetentionMs: number;
  /** How often expired inbox events are deleted. */
  inboxPruneIntervalMs: number;
  /** How long after sending the sender may recall a message. */
  recallWindowMs: number;
  /** How often each server compares its in-memory public inbox (broadcasts) with storage. */
  publicInboxRefreshMs: number;
  /** Upper bound of the random delay before a broadcast's notify reaches each online user. */
  broadcastNotifyJitterMs: number;
}>;

/** MobileIMSDK sense modes: the server closes a socket silent for this long (its "expire"). */
export const senseModeExpiryMs = {
  '3S': 7_000,
  '5S': 11_000,
  '10S': 15_000,
  '15S': 20_000,
  '30S': 35_000,
  '60S': 65_000,
  '120S': 125_000,
} as const;
export type SenseMode = keyof typeof senseModeExpiryMs;
export const senseModes = Object.keys(senseModeExpiryMs) as [SenseMode, ...SenseMode[]];

/** Per-connection token bucket: `burst` frames at once, refilled at `perSecond`. */
export type RateLimit = Readonly<{ burst: number; perSecond: number }>;

export type ServerConfig = Readonly<{
  host: string;
  /** 0 = any free port. */
  port: number;
  /** Absolute path; the database lives at `<dataDir>/tidings.db`. */
  dataDir: string;
  logLevel: LogLevel;
  timings: Timings;
  /** Most messages committed in one transaction (group commit). */
  batchMaxMessages: number;
  httpBodyLimitBytes: number;
  /** Sets `timings.idleExpiryMs` unless the config file gives that explicitly. */
  senseMode: SenseMode;
  /** Browser Origins allowed to open the gateway; a request without Origin (native clients) is always allowed. */
  allowedOrigins: readonly string[];
  rateLimit: RateLimit;
  /** Bearer token of /api/admin/*; null = no admin API at all (its paths answer 404). */
  adminToken: string | null;
  /** How clients reach this server (e.g. behind a TLS-terminating proxy); null = the listening URL. */
  publicUrl: string | null;
  /** Serve https and wss with this certificate and key (absolute paths); null = plain http and ws. */
  tls: Readonly<{ certFile: string; keyFile: string }> | null;
  auth: AuthConfig;
  admin: AdminConfig;
  files: FilesConfig;
  groups: GroupsConfig;
}>;

export type GroupsConfig = Readonly<{
  /** Most members of one group. */
  maxMembers: number;
  /**
   * Groups up to this size get an inbox pointer per member for each message; larger ones are
   * announced by their cursor only (docs/PROTOCOL.md, "Groups").
   */
  pointerMaxMembers: number;
  /** Groups up to this size answer `group.readCount`. */
  readCountMaxMembers: number;
  /**
   * A presence change is pushed this long after it happened, and only if it still holds: a
   * reconnect storm (offline, online again) pushes nothing.
   */
  presenceCoalesceMs: number;
}>;

export type FilesConfig = Readonly<{
  /** Largest file one upload may declare. */
  maxFileBytes: number;
  /** Sum of one user's files (uploads in progress count with their declared size). */
  quotaBytesPerUser: number;
  /** An upload still incomplete this long after it was created is deleted (and its quota freed). */
  incompleteUploadTtlMs: number;
}>;

export type AuthConfig = Readonly<{
  /** Lifetime of a signed access token; whole seconds, as in the JWT. */
  accessTokenTtlSeconds: number;
  /** Lifetime of each refresh token (every refresh issues a new one). */
  refreshTokenTtlSeconds: number;
}>;

export type AdminConfig = Readonly<{
  /** Body limit of the admin API (bulk provisioning sends thousands of users at once). */
  bodyLimitBytes: number;
  /** Most users in one bulk-provisioning request. */
  bulkMaxUsers: number;
}>;

export const defaultTimings: Timings = {
  loginDeadlineMs: 10_000,
  idleExpiryMs: 20_000,
  pushRetryMs: 3_000,
  pushMaxRetries: 2,
  shutdownGraceMs: 3_000,
  notifyJitterMs: 250,
  inboxRetentionMs: 30 * 24 * 60 * 60 * 1000,
  inboxPruneIntervalMs: 60 * 60 * 1000,
  recallWindowMs: 2 * 60 * 1000,
  publicInboxRefreshMs: 1_000,
  broadcastNotifyJitterMs: 2_000,
};

/** Defaults with `dataDir` resolved against `cwd`. */
export function defaultConfig(cwd: string = process.cwd()): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 7700,
    dataDir: path.resolve(cwd, 'data'),
    logLevel: 'info',
    timings: defaultTimings,
    batchMaxMessages: 256,
    httpBodyLimitBytes: 64 * 1024,
    senseMode: '15S',
    allowedOrigins: [],
    rateLimit: { burst: 1_000, perSecond: 400 },
    adminToken: null,
    publicUrl: null,
    tls: null,
    auth: { accessTokenTtlSeconds: 15 * 60, refreshTokenTtlSeconds: 30 * 24 * 60 * 60 },
    admin: { bodyLimitBytes: 16 * 1024 * 1024, bulkMaxUsers: 20_000 },
    files: {
      maxFileBytes: 100 * 1024 * 1024,
      quotaBytesPerUser: 2 * 1024 * 1024 * 1024,
      incompleteUploadTtlMs: 24 * 60 * 60 * 1000,
    },
    groups: {
      maxMembers: 2_000,
      pointerMaxMembers: 100,
      readCountMaxMembers: 500,
      presenceCoalesceMs: 2_000,
    },
  };
}
