/**
 * WebSocket close codes the gateway uses (RFC 6455 §7.4.1). The stock server closes invalid
 * input with 1000; we use the specific codes so a log or a test can tell why a socket closed,
 * and clients treat every close the same way anyway (reconnect with back-off).
 */
export const CloseCode = {
  /** Logout, failed login, kickout, replaced session. */
  normal: 1000,
  /** Server shutdown. */
  goingAway: 1001,
  /** A binary frame. */
  unsupportedData: 1003,
  /** Text that is not a JSON envelope (ws itself uses it for invalid UTF-8). */
  invalidPayload: 1007,
  /** Login deadline or idle expiry passed. */
  policyViolation: 1008,
  /** Frame over MAX_FRAME_BYTES (ws enforces it through maxPayload). */
  messageTooBig: 1009,
  /** A bug on our side; the client reconnects. */
  internalError: 1011,
} as const;
