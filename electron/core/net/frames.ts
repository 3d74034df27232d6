import {
  encodeFrame,
  FrameType,
  SERVER_ID,
  Typeu,
  type CommandRequest,
  type Envelope,
  type OutgoingMessage,
} from '../../../shared/protocol';

/** Capability strings this client announces in the login `extra`. */
export const CLIENT_CAPABILITIES = ['tidings/1'] as const;

export type LoginFrameInput = Readonly<{
  userId: string;
  token: string;
  /** Tidings' device id; null logs in as a stock MobileIMSDK client (no `extra`). */
  deviceId: string | null;
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
      extra:
        input.deviceId === null
          ? null
          : JSON.stringify({ deviceId: input.deviceId, capabilities: CLIENT_CAPABILITIES }),
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

/** Typeu 100: a command to the server (no QoS: the reply is the acknowledgement). */
export function commandFrame(me: string, request: CommandRequest): string {
  return encodeFrame({
    type: FrameType.data,
    from: me,
    to: SERVER_ID,
    typeu: Typeu.command,
    dataContent: JSON.stringify(request),
  });
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

/** Typeu 1: a new message for `to`, with QoS and the message's fp. */
export function messageFrame(me: string, to: string, fp: string, message: OutgoingMessage): string {
  return encodeFrame({
    type: FrameType.data,
    from: me,
    to,
    fp,
    QoS: true,
    typeu: Typeu.message,
    dataContent: JSON.stringify(message),
  });
}

/** Basic mode: stock MobileIMSDK text (typeu -1, plain text) with QoS. */
export function stockTextFrame(me: string, to: string, fp: string, text: string): string {
  return encodeFrame({
    type: FrameType.data,
    from: me,
    to,
    fp,
    QoS: true,
    typeu: Typeu.stockText,
    dataContent: text,
  });
}
