import {
  encodeFrame,
  ERROR_NOT_LOGGED_IN,
  FrameType,
  SERVER_ID,
  Typeu,
  UNKNOWN_ID,
  type Envelope,
  type SendRefusal,
  type WireMessage,
} from '../../shared/protocol';

/** The frames the server sends, encoded. Control payloads are JSON strings inside dataContent (double-encoded), as on the stock server. */
export const frames = {
  loginResponse(code: number, firstLoginTime: number, to: string = UNKNOWN_ID): string {
    return encodeFrame({
      type: FrameType.loginResponse,
      from: SERVER_ID,
      to,
      dataContent: JSON.stringify({ code, firstLoginTime }),
    });
  },

  notLoggedIn(): string {
    return encodeFrame({
      type: FrameType.error,
      from: SERVER_ID,
      dataContent: JSON.stringify({ errorCode: ERROR_NOT_LOGGED_IN, errorMsg: 'not logged in' }),
    });
  },

  keepaliveResponse(to: string): string {
    return encodeFrame({ type: FrameType.keepaliveResponse, from: SERVER_ID, to, dataContent: '{}' });
  },

  echoResponse(request: Envelope): string {
    return encodeFrame({ ...request, type: FrameType.echoResponse });
  },

  kickout(code: number, reason: string, to: string): string {
    return encodeFrame({
      type: FrameType.kickout,
      from: SERVER_ID,
      to,
      dataContent: JSON.stringify({ code, reason }),
    });
  },

  /** The ACK a sender gets once its message is stored, written on the receiver's behalf. */
  ack(receiverId: string, senderId: string, fp: string): string {
    return encodeFrame({ type: FrameType.ack, from: receiverId, to: senderId, dataContent: fp });
  },

  refusal(to: string, refusal: SendRefusal): string {
    return encodeFrame({
      type: FrameType.data,
      from: SERVER_ID,
      to,
      typeu: Typeu.sendRefused,
      dataContent: JSON.stringify(refusal),
    });
  },

  push(message: WireMessage, to: string): string {
    return encodeFrame({
      type: FrameType.data,
      from: message.senderId,
      to,
      fp: message.fp,
      QoS: true,
      typeu: Typeu.messagePush,
      sm: message.sentAt,
      dataContent: JSON.stringify(message),
    });
  },
};
