import type { Duplex } from 'node:stream';
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
  type Envelope,
} from '../../shared/protocol';
import type { RateLimit, Timings } from '../config';
import type { Logger } from '../log/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { Cancel, Clock, Scheduler } from '../ports';
import type { AuthService, TokenRefusal } from '../services/authService';
import type { CommandService } from '../services/commandService';
import type { DeliveryService } from '../services/deliveryService';
import type { DeviceService } from '../services/deviceService';
import type { MessagingService } from '../services/messagingService';
import type { OnlineDevice } from '../services/presence';
import { CloseCode } from './closeCodes';
import { frames } from './frames';
import { handleLoggedIn } from './loggedInFrames';
import { rawToText, typeLabel } from './rawFrames';
import { deviceFromExtra, type LoginDevice } from './loginDevice';
import type { Session, SessionRegistry } from './sessionRegistry';
import { createTokenBucket, type TokenBucket } from './tokenBucket';

export type ConnectionDeps = Readonly<{
  auth: Pick<AuthService, 'verifyLoginToken'>;
  messaging: MessagingService;
  commands: CommandService;
  delivery: Pick<DeliveryService, 'attach' | 'detach' | 'acknowledge'>;
  devices: Pick<DeviceService, 'register' | 'disconnected' | 'cursors' | 'hello'>;
  sessions: SessionRegistry<ClientConnection>;
  clock: Clock;
  scheduler: Scheduler;
  timings: Timings;
  rateLimit: RateLimit;
  logger: Logger;
  metrics: Pick<ServerMetrics, 'framesIn' | 'framesOut' | 'ackLatency'>;
}>;

/** Who a logged-in connection speaks for. */
export type Identity = Readonly<LoginDevice & { userId: string; firstLoginTime: number }>;

/** A reader that stops reading while we keep writing would grow our memory without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Frames a client may send while its login is being checked; they are handled after it. */
const MAX_FRAMES_WHILE_VERIFYING = 64;

const refusalCodes: Readonly<Record<TokenRefusal, number>> = {
  invalid: LoginCode.invalidToken,
  expired: LoginCode.tokenExpired,
  disabled: LoginCode.userDisabled,
};

/**
 * One WebSocket speaking the MobileIMSDK envelope: rate limit, login, duplicate-login rules,
 * timers and close codes. What logged-in frames mean is in `loggedInFrames.ts`.
 */
export class ClientConnection implements Session {
  identity: Identity | null = null;
  /** What the services write to, once logged in. */
  device: OnlineDevice | null = null;
  /** fps of QoS frames addressed to the server, recently handled (see loggedInFrames.ts). */
  readonly seenToServer = new Set<string>();
  /** Frames held while a login is being verified (null when none is). */
  private held: Envelope[] | null = null;
  private closing = false;
  /** The transport is corked until the current tick's frames are all written (see `sendFrame`). */
  private corked = false;
  private cancelLoginDeadline: Cancel;
  private cancelIdle: Cancel = () => {};
  private readonly bucket: TokenBucket;
  readonly log: Logger;

  constructor(
    private readonly socket: WebSocket,
    readonly deps: ConnectionDeps,
    connectionId: number,
    private readonly onClosed: () => void,
    /** The upgraded TCP (or TLS) socket under `socket`, corked to coalesce writes. */
    private readonly transport: Duplex,
  ) {
    this.log = deps.logger.child({ connectionId });
    this.bucket = createTokenBucket(deps.rateLimit, () => deps.clock.now());
    this.cancelLoginDeadline = deps.scheduler.after(deps.timings.loginDeadlineMs, () =>
      this.close(CloseCode.policyViolation, 'login deadline passed'),
    );
    this.armIdle();
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('close', (code) => this.onClose(code));
    socket.on('error', (error) => this.log.debug('socket error', { error }));
  }

  /** Writes one frame; false when nothing could be written. */
  sendFrame(type: number, text: string): boolean {
    if (this.closing || this.socket.readyState !== this.socket.OPEN) return false;
    if (exceedsFrameLimit(text)) {
      // The peer would close with 1009. Happens for an echo of a near-limit frame (53 is longer than 5).
      this.log.warn('outbound frame over the size limit dropped', { bytes: Buffer.byteLength(text) });
      return false;
    }
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.log.warn('closing a connection that does not read', { userId: this.identity?.userId });
      this.closing = true;
      this.socket.terminate();
      return false;
    }
    this.corkUntilTicked();
    this.socket.send(text);
    this.deps.metrics.framesOut.inc({ type: typeLabel(type) });
    return true;
  }

  /**
   * A committed batch answers many messages at once (an ACK and a notify to a sender, notifies
   * to its receivers), each in a promise continuation. Writing each frame on its own costs a
   * syscall apiece; corked, a socket's frames of one tick leave in one write once the
   * continuations have run (process.nextTick runs after the microtask queue drains).
   */
  private corkUntilTicked(): void {
    const transport = this.transport;
    if (this.corked) return;
    this.corked = true;
    transport.cork();
    process.nextTick(() => {
      this.corked = false;
      transport.uncork();
    });
  }

  displace(how: 'kick' | 'silent'): void {
    this.log.info('session displaced', { userId: this.identity?.userId, how });
    if (how === 'kick')
      this.sendFrame(
        FrameType.kickout,
        frames.kickout(KickoutCode.duplicateLogin, 'logged in elsewhere', this.identity?.userId ?? SERVER_ID),
      );
    this.close(CloseCode.normal, how === 'kick' ? 'kicked out' : 'replaced');
  }

  kick(reason: string): void {
    this.log.info('session kicked', { userId: this.identity?.userId });
    this.sendFrame(
      FrameType.kickout,
      frames.kickout(KickoutCode.admin, reason, this.identity?.userId ?? SERVER_ID),
    );
    this.close(CloseCode.normal, 'kicked out');
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
    if (!this.bucket.take()) {
      this.log.info('rate limit exceeded', { userId: this.identity?.userId });
      this.sendFrame(FrameType.error, frames.rateLimited(this.identity?.userId));
      return this.close(CloseCode.policyViolation, 'rate limit exceeded');
    }
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
    this.deps.metrics.framesIn.inc({ type: typeLabel(decoded.value.type) });
    if (this.held !== null && decoded.value.type !== FrameType.echo) {
      if (this.held.length >= MAX_FRAMES_WHILE_VERIFYING)
        return this.close(CloseCode.policyViolation, 'too many frames before the login answer');
      this.held.push(decoded.value);
      return;
    }
    this.dispatch(decoded.value);
  }

  private dispatch(frame: Envelope): void {
    try {
      switch (frame.type) {
        case FrameType.login:
          return this.onLogin(frame);
        case FrameType.echo:
          this.sendFrame(FrameType.echoResponse, frames.echoResponse(frame));
          return;
        case FrameType.logout:
          return this.close(CloseCode.normal, 'logout');
        case FrameType.keepalive:
        case FrameType.data:
        case FrameType.ack:
          if (this.identity === null) {
            this.sendFrame(FrameType.error, frames.notLoggedIn());
            return this.close(CloseCode.normal, 'not logged in');
          }
          return handleLoggedIn(this, this.identity, frame);
        default:
          // Unknown types are ignored, like unknown fields: a newer client must not be cut off.
          this.log.debug('ignored frame type', { type: frame.type });
      }
    } catch (error) {
      this.log.error('frame handling failed', { type: frame.type, error });
      this.close(CloseCode.internalError, 'internal error');
    }
  }

  private onLogin(frame: Envelope): void {
    const request = decodePayload(frame.dataContent, loginRequestSchema);
    if (!request.ok) return this.refuseLogin(LoginCode.badRequest, 'malformed login');
    const { loginUserId, loginToken, extra, firstLoginTime: requested } = request.value;
    const device = deviceFromExtra(extra);
    if (device === null) return this.refuseLogin(LoginCode.badRequest, 'malformed login extra', loginUserId);
    const current = this.identity;
    if (current !== null && (loginUserId !== current.userId || device.deviceId !== current.deviceId))
      return this.refuseLogin(LoginCode.badRequest, 'already logged in as another user or device');
    if (current === null) this.held = [];
    this.deps.auth
      .verifyLoginToken(loginUserId, loginToken ?? '')
      .then(
        (result) => {
          const held = this.held ?? [];
          this.held = null;
          if (this.closing) return;
          if (!result.ok) {
            this.log.info('login refused', { userId: loginUserId, reason: result.reason });
            return this.refuseLogin(refusalCodes[result.reason], result.reason, loginUserId);
          }
          // A repeated login on a live socket is confirmed with the session's firstLoginTime.
          if (current !== null)
            return void this.sendFrame(
              FrameType.loginResponse,
              frames.loginResponse(LoginCode.ok, current.firstLoginTime, current.userId),
            );
          this.admit(loginUserId, device, requested);
          for (const next of held) if (!this.closing) this.dispatch(next);
        },
        (error: unknown) => {
          this.held = null;
          this.log.error('login check failed', { error });
          this.refuseLogin(LoginCode.serverBusy, 'login check failed', loginUserId);
        },
      )
      .catch((error: unknown) => {
        this.log.error('login handling failed', { error });
        this.close(CloseCode.internalError, 'internal error');
      });
  }

  private admit(userId: string, device: LoginDevice, requested: number): void {
    const { deps } = this;
    const resolved = requested <= 0 ? deps.clock.now() : requested;
    if (deps.sessions.admit(userId, device.deviceId, this, requested, resolved) === 'stale') {
      // An older firstLoginTime is a zombie reconnect: the live session keeps the device.
      this.log.info('stale login kicked', { userId, deviceId: device.deviceId });
      this.sendFrame(
        FrameType.kickout,
        frames.kickout(KickoutCode.duplicateLogin, 'a newer login is active', userId),
      );
      return this.close(CloseCode.normal, 'kicked out');
    }
    const identity: Identity = { userId, ...device, firstLoginTime: resolved };
    this.identity = identity;
    this.device = {
      userId,
      deviceId: device.deviceId,
      kind: device.kind,
      notify: (notify) => this.sendFrame(FrameType.data, frames.notify(userId, notify)),
      pushText: (push) => this.sendFrame(FrameType.data, frames.stockText(userId, push)),
    };
    this.cancelLoginDeadline();
    this.log.info('logged in', { userId, deviceId: device.deviceId, kind: device.kind });
    this.sendFrame(FrameType.loginResponse, frames.loginResponse(LoginCode.ok, resolved, userId));
    if (device.kind === 'tidings')
      this.sendFrame(FrameType.data, frames.hello(userId, deps.devices.hello(userId, device.deviceId)));
    deps.delivery.attach(this.device);
    deps.devices
      .register(userId, device.deviceId, device.kind)
      .catch((error: unknown) => this.log.warn('device login not recorded', { error }));
  }

  private refuseLogin(code: number, reason: string, to?: string): void {
    this.sendFrame(FrameType.loginResponse, frames.loginResponse(code, 0, to));
    this.close(CloseCode.normal, reason);
  }

  private onClose(code: number): void {
    this.closing = true;
    this.stopTimers();
    this.leaveRegistry();
    this.log.debug('connection closed', { userId: this.identity?.userId, code });
    this.onClosed();
  }

  private leaveRegistry(): void {
    const { identity, device } = this;
    if (identity === null || device === null) return;
    if (!this.deps.sessions.remove(identity.userId, identity.deviceId, this)) return;
    this.deps.delivery.detach(device);
    this.deps.devices.disconnected(identity.userId, identity.deviceId);
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
