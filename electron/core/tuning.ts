import type { SenseMode } from '../../shared/ipc';

/** Timings and budgets of the engine. Hosts rarely change them; tests shrink them. */
export type EngineTuning = Readonly<{
  /** Keepalive sense mode against a Tidings server (MobileIMSDK's table, domain/senseModes.ts). */
  senseMode: SenseMode;
  /** Sense mode in basic mode when the sign-in names none: the stock demo server drops a link silent for 11 s. */
  basicSenseMode: SenseMode;
  /** Overrides the sense mode's keepalive period (tests). */
  keepaliveIntervalMs: number | null;
  /** Overrides the sense mode's keepalive answer deadline (tests). */
  keepaliveTimeoutMs: number | null;
  /** From opening the socket to the login answer (50); longer counts as a failed attempt. */
  loginTimeoutMs: number;
  /** After a successful login, how long a Tidings server has to say hello before basic mode is assumed. */
  helloTimeoutMs: number;
  /** Reconnect delay before jitter: base · 2^attempt, capped. */
  reconnectBaseMs: number;
  reconnectCapMs: number;
  /** An unacknowledged message is sent again (same fp) after this long. */
  retryIntervalMs: number;
  /** Transmissions on live connections before a message is marked failed. */
  maxSendAttempts: number;
  /** Basic mode follows the stock SDK: resend after 3 s, at most twice, then the message is lost. */
  basicRetryIntervalMs: number;
  basicMaxSendAttempts: number;
  /** Deadline of one HTTP request. */
  httpTimeoutMs: number;
  /** How long `auth:*` waits for the WebSocket login before answering anyway. */
  loginWaitMs: number;
  /** Deadline of one command (typeu 100) to the server. */
  commandTimeoutMs: number;
  /** Events per `sync.inbox` page and messages per `sync.history` page (one transaction each). */
  syncPageSize: number;
  /** A conversation further behind than this fetches its newest page first; backfill fills the hole. */
  catchUpGapLimit: number;
  /** Pause between two background backfill pages, so history fills in without hogging the link. */
  backfillIntervalMs: number;
  /** Whether older history is fetched in the background at all. */
  backfillEnabled: boolean;
  /** After a failed sync run, the next try waits this long (or for the next notify). */
  syncRetryMs: number;
  /** File transfers running at once; the others wait in order. */
  fileConcurrency: number;
  /** Bytes per upload request; a chunk cut off is resumed from the server's offset. */
  fileChunkBytes: number;
  /** At most one progress event per transfer this often while bytes move. */
  fileProgressIntervalMs: number;
  /** A transfer cut off by the network resumes after base · 2^attempt, capped (or when the link is back). */
  fileRetryBaseMs: number;
  fileRetryCapMs: number;
}>;

/** The 15S sense mode of MobileIMSDK, and a generous retry budget. */
export const defaultTuning: EngineTuning = Object.freeze({
  senseMode: '15S',
  basicSenseMode: '5S',
  keepaliveIntervalMs: null,
  keepaliveTimeoutMs: null,
  loginTimeoutMs: 15_000,
  helloTimeoutMs: 5_000,
  reconnectBaseMs: 1_000,
  reconnectCapMs: 30_000,
  retryIntervalMs: 3_000,
  maxSendAttempts: 20,
  basicRetryIntervalMs: 3_000,
  basicMaxSendAttempts: 3,
  httpTimeoutMs: 15_000,
  loginWaitMs: 10_000,
  commandTimeoutMs: 15_000,
  syncPageSize: 200,
  catchUpGapLimit: 1_000,
  backfillIntervalMs: 1_000,
  backfillEnabled: true,
  syncRetryMs: 5_000,
  fileConcurrency: 3,
  fileChunkBytes: 4 * 1024 * 1024,
  fileProgressIntervalMs: 250,
  fileRetryBaseMs: 1_000,
  fileRetryCapMs: 30_000,
});
