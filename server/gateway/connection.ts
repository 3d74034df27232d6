import type { RawData, WebSocket } from 'ws';
import {
  decodeFrame,
  decodePayload,
  exceedsFrameLimit,
  FrameType,
  KickoutCode,
  LoginCode,
  loginRequestSchema,
  SERVER_ID,
  Typeu,
  type Envelope,
} from '../../shared/protocol';
import type { Timings } from '../config';
import type { Logger } from '../log/logger';
import type { Cancel, Clock, Scheduler } from '../ports';
import type { AuthService } from '../services/authService';
import type { DeliveryService } from '../services/deliveryService';
import type { MessagingService } from '../services/messagingService';
import { CloseCode } from './closeCodes';
import { frames } from './frames';
import type { Session, SessionRegistry } from './sessionRegistry';

export type ConnectionDeps = Readonly<{
  auth: AuthService;
  messaging: MessagingService;
  delivery: DeliveryService;
  sessions: SessionRegistry;
  clock: Clock;
  scheduler: Scheduler;
  timings: Timings;
  logger: Logger;
}>;

/** A reader that stops reading while we keep writing would grow our memory without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * One WebSocket speaking the MobileIMSDK envelope: login, keepalive, echo, logout, data and
 * ACK frames. Transport rules live here; what a message means is the messaging service's job.
 */
export class ClientConnection implements Session {
  private userId: string | null = null;
  private firstLoginTime = 0;
  private closing = false;
  private cancelLoginDeadline: Cancel;
  private cancelIdle: Cancel = () => {};
  private readonly log: Logger;

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: ConnectionDeps,
    connectionId: number,
    private readonly onClosed: () => void,
  ) {
    this.log = deps.logger.child({ connectionId });
    this.cancelLoginDeadline = deps.scheduler.after(deps.timings.loginDeadlineMs, () =>
      this.close(CloseCode.policyViolation, 'login deadline passed'),
    );
    this.armIdle();
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('close', (code) => this.onClose(code));
    socket.on('error', (error) => this.log.debug('socket error', { error }));
  }

  sendText(text: string): boolean {
    if (this.closing || this.socket.readyState !== this.socket.OPEN) return false;
    if (exceedsFrameLimit(text)) {
      // The peer would close with 1009. Happens for an echo of a near-limit frame (53 is longer than 5).
      this.log.warn('outbound frame over the size limit dropped', { bytes: Buffer.byteLength(text) });
      return false;
    }
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.log.warn('closing a connection that does not read', { userId: this.userId });
      this.closing = true;
      this.socket.terminate();
      return false;
    }
    this.socket.send(text);
    return true;
  }

  displace(how: 'kick' | 'silent'): void {
    this.log.info('session displaced', { userId: this.userId, how });
    if (how === 'kick')
      this.sendText(
        frames.kickout(KickoutCode.duplicateLogin, 'logged in elsewhere', this.userId ?? SERVER_ID),
      );
    this.close(CloseCode.normal, how === 'kick' ? 'kicked out' : 'replaced');
  }

  /** Sends a close frame; idempotent. */
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.stopTimers();
    this.leaveRegistry();
    this.socket.close(code, reason);
  }

  /** Drops the socket without a close handshake (shutdown grace expired). */
  terminate(): void {
    this.closing = true;
    this.socket.terminate();
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    this.armIdle();
    if (isBinary) return this.close(CloseCode.unsupportedData, 'binary frames are not supported');
    const decoded = decodeFrame(rawToText(data));
    if (!decoded.ok) {
      this.log.debug('bad frame', { reason: decoded.reason });
      return this.close(
        decoded.reason === 'too-large' ? CloseCode.messageTooBig : CloseCode.invalidPayload,
        'invalid frame',
      );
    }
    try {
      this.dispatch(decoded.value);
    } catch (error) {
      this.log.error('frame handling failed', { type: decoded.value.type, error });
      this.close(CloseCode.internalError, 'internal error');
    }
  }

  private dispatch(frame: Envelope): void {
    switch (frame.type) {
      case FrameType.login:
        return this.onLogin(frame);
      case FrameType.echo:
        this.sendText(frames.echoResponse(frame));
        return;
      case FrameType.logout:
        return this.close(CloseCode.normal, 'logout');
      case FrameType.keepalive:
      case FrameType.data:
      case FrameType.ack:
        if (this.userId === null) {
          this.sendText(frames.notLoggedIn());
          return this.close(CloseCode.normal, 'not logged in');
        }
        if (frame.type === FrameType.keepalive) this.sendText(frames.keepaliveResponse(this.userId));
        else if (frame.type === FrameType.data) this.onData(frame, this.userId);
        else this.onAck(frame, this.userId);
        return;
      default:
        // Unknown types are ignored, like unknown fields: a newer client must not be cut off.
        this.log.debug('ignored frame type', { type: frame.type });
    }
  }

  private onLogin(frame: Envelope): void {
    const request = decodePayload(frame.dataContent, loginRequestSchema);
    if (!request.ok) return this.refuseLogin(LoginCode.badRequest, 'malformed login');
    const { loginUserId, loginToken, firstLoginTime: requested } = request.value;
    if (this.userId !== null) {
      // A repeated login on a live socket: confirm it if it is the same user, else refuse.
      if (loginUserId === this.userId && this.deps.auth.verifyLoginToken(loginUserId, loginToken ?? '')) {
        this.sendText(frames.loginResponse(LoginCode.ok, this.firstLoginTime, this.userId));
        return;
      }
      return this.refuseLogin(LoginCode.badRequest, 'already logged in');
    }
    if (!this.deps.auth.verifyLoginToken(loginUserId, loginToken ?? '')) {
      this.log.info('login refused', { userId: loginUserId });
      return this.refuseLogin(LoginCode.invalidToken, 'invalid token', loginUserId);
    }
    const resolved = requested <= 0 ? this.deps.clock.now() : requested;
    if (this.deps.sessions.admit(loginUserId, this, requested, resolved) === 'stale') {
      // An older firstLoginTime is a zombie reconnect: the live session keeps the user.
      this.log.info('stale login kicked', { userId: loginUserId });
      this.sendText(frames.kickout(KickoutCode.duplicateLogin, 'a newer login is active', loginUserId));
      return this.close(CloseCode.normal, 'kicked out');
    }
    this.userId = loginUserId;
    this.firstLoginTime = resolved;
    this.cancelLoginDeadline();
    this.log.info('logged in', { userId: loginUserId });
    this.sendText(frames.loginResponse(LoginCode.ok, resolved, loginUserId));
    this.deps.delivery.resume(loginUserId);
  }

  private refuseLogin(code: number, reason: string, to?: string): void {
    this.sendText(frames.loginResponse(code, 0, to));
    this.close(CloseCode.normal, reason);
  }

  private onData(frame: Envelope, senderId: string): void {
    const fp = frame.fp;
    if (fp === null || fp === '') {
      // Without an fp there is nothing to ACK or refuse; stock clients always set one with QoS.
      this.log.debug('data frame without fp dropped', { senderId });
      return;
    }
    if (frame.typeu !== Typeu.message) {
      this.sendText(
        frames.refusal(senderId, {
          fp,
          code: 'invalid-request',
          message: `Unsupported typeu ${frame.typeu}.`,
        }),
      );
      return;
    }
    this.deps.messaging.send({ senderId, to: frame.to, fp, dataContent: frame.dataContent }).then(
      (outcome) => {
        // If this socket closed meanwhile the ACK is lost; the sender retransmits and gets it then.
        if (outcome.status === 'accepted') this.sendText(frames.ack(outcome.receiverId, senderId, fp));
        else this.sendText(frames.refusal(senderId, outcome.refusal));
      },
      (error: unknown) => this.log.error('message not stored; no ACK sent', { senderId, fp, error }),
    );
  }

  private onAck(frame: Envelope, receiverId: string): void {
    // ACKs addressed to "0" would acknowledge server-originated QoS frames; we send none yet.
    if (frame.to === SERVER_ID || frame.dataContent === null || frame.dataContent === '') return;
    this.deps.delivery.acknowledge(receiverId, frame.to, frame.dataContent);
  }

  private onClose(code: number): void {
    this.closing = true;
    this.stopTimers();
    this.leaveRegistry();
    this.log.debug('connection closed', { userId: this.userId, code });
    this.onClosed();
  }

  private leaveRegistry(): void {
    if (this.userId !== null && this.deps.sessions.remove(this.userId, this))
      this.deps.delivery.detach(this.userId);
  }

  private armIdle(): void {
    this.cancelIdle();
    this.cancelIdle = this.deps.scheduler.after(this.deps.timings.idleExpiryMs, () =>
      this.close(CloseCode.policyViolation, 'idle expiry'),
    );
  }

  private stopTimers(): void {
    this.cancelLoginDeadline();
    this.cancelIdle();
  }
}

function rawToText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
