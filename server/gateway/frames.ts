import {
  ERROR_NOT_LOGGED_IN,
  ERROR_RATE_LIMITED,
  FrameType,
  SERVER_ID,
  Typeu,
  UNKNOWN_ID,
  type CommandReply,
  type Envelope,
  type Hello,
  type KeepaliveAnswer,
  type Notify,
  type SendRefusal,
} from '../../shared/protocol';
import type { StockPush } from '../services/presence';
import { payloadText } from '../services/wireMessage';
import { encodeServerFrame } from './frameText';

/** An application frame from the server ("0"): typeu plus a JSON payload, no QoS (the client pulls or re-asks). */
function serverData(to: string, typeu: number, payload: unknown): string {
  return encodeServerFrame({
    type: FrameType.data,
    from: SERVER_ID,
    to,
    typeu,
    dataContent: JSON.stringify(payload),
  });
}

/** The frames the server sends, encoded. Control payloads are JSON strings inside dataContent (double-encoded), as on the stock server. */
export const frames = {
  loginResponse(code: number, firstLoginTime: number, to: string = UNKNOWN_ID): string {
    return encodeServerFrame({
      type: FrameType.loginResponse,
      from: SERVER_ID,
      to,
      dataContent: JSON.stringify({ code, firstLoginTime }),
    });
  },

  notLoggedIn(): string {
    return encodeServerFrame({
      type: FrameType.error,
      from: SERVER_ID,
      dataContent: JSON.stringify({ errorCode: ERROR_NOT_LOGGED_IN, errorMsg: 'not logged in' }),
    });
  },

  rateLimited(to: string = UNKNOWN_ID): string {
    return encodeServerFrame({
      type: FrameType.error,
      from: SERVER_ID,
      to,
      dataContent: JSON.stringify({ errorCode: ERROR_RATE_LIMITED, errorMsg: 'too many frames' }),
    });
  },

  /** Stock devices get "{}", Tidings devices their cursors. */
  keepaliveResponse(to: string, answer: KeepaliveAnswer | null): string {
    return encodeServerFrame({
      type: FrameType.keepaliveResponse,
      from: SERVER_ID,
      to,
      dataContent: answer === null ? '{}' : JSON.stringify(answer),
    });
  },

  echoResponse(request: Envelope): string {
    return encodeServerFrame({ ...request, type: FrameType.echoResponse });
  },

  kickout(code: number, reason: string, to: string): string {
    return encodeServerFrame({
      type: FrameType.kickout,
      from: SERVER_ID,
      to,
      dataContent: JSON.stringify({ code, reason }),
    });
  },

  /** The ACK a sender gets once its message is stored, written on the receiver's behalf. */
  ack(receiverId: string, senderId: string, fp: string): string {
    return encodeServerFrame({ type: FrameType.ack, from: receiverId, to: senderId, dataContent: fp });
  },

  /** The server's own ACK of a QoS frame addressed to it (C2S). */
  serverAck(to: string, fp: string): string {
    return encodeServerFrame({ type: FrameType.ack, from: SERVER_ID, to, dataContent: fp });
  },

  refusal(to: string, refusal: SendRefusal): string {
    return serverData(to, Typeu.sendRefused, refusal);
  },

  hello(to: string, hello: Hello): string {
    return serverData(to, Typeu.hello, hello);
  },

  notify(to: string, notify: Notify): string {
    // The delivery service already has this payload's text (it measured it), and sends the
    // same notify to each device of a user.
    return encodeServerFrame({
      type: FrameType.data,
      from: SERVER_ID,
      to,
      typeu: Typeu.notify,
      dataContent: payloadText(notify),
    });
  },

  commandReply(to: string, reply: CommandReply): string {
    return serverData(to, Typeu.commandReply, reply);
  },

  /** A message for a stock client: plain text, QoS, from the sender, with the sender's fp. */
  stockText(to: string, push: StockPush): string {
    return encodeServerFrame({
      type: FrameType.data,
      from: push.senderId,
      to,
      fp: push.fp,
      QoS: true,
      typeu: Typeu.stockText,
      sm: push.sentAt,
      dataContent: push.text,
    });
  },
};
