/**
 * MobileIMSDK v6 frame types (the `type` field of every envelope).
 * See ../shared/docs/mobileimsdk-wire.md and docs/PROTOCOL.md.
 */
export const FrameType = {
  login: 0,
  keepalive: 1,
  data: 2,
  logout: 3,
  ack: 4,
  echo: 5,
  loginResponse: 50,
  keepaliveResponse: 51,
  error: 52,
  echoResponse: 53,
  kickout: 54,
} as const;

export type FrameTypeCode = (typeof FrameType)[keyof typeof FrameType];

/** The server's user id on the wire. */
export const SERVER_ID = '0';
/** The user id the server uses when it does not know the user. */
export const UNKNOWN_ID = '-1';

/** Largest frame either side accepts (bytes of UTF-8 text); larger frames close with 1009. */
export const MAX_FRAME_BYTES = 65_536;

/** Error code on a type 52 frame: a frame that needs a login arrived before it. */
export const ERROR_NOT_LOGGED_IN = 301;

/** Error code on a type 52 frame (Tidings): the connection sent frames faster than its rate limit; it is closed next. */
export const ERROR_RATE_LIMITED = 429;

/** Kickout (54) reasons. */
export const KickoutCode = {
  duplicateLogin: 1,
  admin: 2,
} as const;
