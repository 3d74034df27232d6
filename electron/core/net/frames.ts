import { encodeFrame, FrameType, SERVER_ID, type Envelope } from '../../../shared/protocol';

/** Capability strings this client announces in the login `extra`. */
export const CLIENT_CAPABILITIES = ['tidings/1'] as const;

export type LoginFrameInput = Readonly<{
  userId: string;
  token: string;
  deviceId: string;
  /** 0 for a login the user started; the server's answer on automatic re-logins. */
  firstLoginTime: number;
}>;

/** Type 0: the login request, with Tidings' `extra` (itself a JSON string, as the wire wants). */
export function loginFrame(input: LoginFrameInput): string {
  return encodeFrame({
    type: FrameType.login,
    from: input.userId,
    to: SERVER_ID,
    dataContent: JSON.stringify({
      loginUserId: input.userId,
      loginToken: input.token,
      extra: JSON.stringify({ deviceId: input.deviceId, capabilities: CLIENT_CAPABILITIES }),
      firstLoginTime: input.firstLoginTime,
    }),
  });
}

export function keepaliveFrame(userId: string): string {
  return encodeFrame({ type: FrameType.keepalive, from: userId, to: SERVER_ID, dataContent: '{}' });
}

export function logoutFrame(userId: string): string {
  return encodeFrame({ type: FrameType.logout, from: userId, to: SERVER_ID });
}

/** Type 4 for a QoS frame we received; `bridge` is copied as the wire rules ask. */
export function ackFrame(me: string, received: Envelope): string | null {
  if (received.fp === null) return null;
  return encodeFrame({
    type: FrameType.ack,
    from: me,
    to: received.from,
    dataContent: received.fp,
    bridge: received.bridge,
  });
}
