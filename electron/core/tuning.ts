/** Timings and budgets of the engine. Hosts rarely change them; tests shrink them. */
export type EngineTuning = Readonly<{
  /** Keepalive (type 1) period while logged in. */
  keepaliveIntervalMs: number;
  /** The link counts as lost when a keepalive stays unanswered (no 51) this long. */
  keepaliveTimeoutMs: number;
  /** From opening the socket to the login answer (50); longer counts as a failed attempt. */
  loginTimeoutMs: number;
  /** Reconnect delay before jitter: base · 2^attempt, capped. */
  reconnectBaseMs: number;
  reconnectCapMs: number;
  /** An unacknowledged message is sent again (same fp) after this long. */
  retryIntervalMs: number;
  /** Transmissions on live connections before a message is marked failed. */
  maxSendAttempts: number;
  /** Deadline of one HTTP request. */
  httpTimeoutMs: number;
  /** How long `auth:*` waits for the WebSocket login before answering anyway. */
  loginWaitMs: number;
}>;

/** The 15S sense mode of MobileIMSDK, and a generous retry budget. */
export const defaultTuning: EngineTuning = Object.freeze({
  keepaliveIntervalMs: 15_000,
  keepaliveTimeoutMs: 20_000,
  loginTimeoutMs: 15_000,
  reconnectBaseMs: 1_000,
  reconnectCapMs: 30_000,
  retryIntervalMs: 3_000,
  maxSendAttempts: 20,
  httpTimeoutMs: 15_000,
  loginWaitMs: 10_000,
});
