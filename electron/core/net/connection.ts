import {
  decodeFrame,
  decodePayload,
  errorPayloadSchema,
  FrameType,
  kickoutPayloadSchema,
  LoginCode,
  loginResponseSchema,
  type Envelope,
} from '../../../shared/protocol';
import type { Clock, TimerHandle, Timers } from '../deps/clock';
import type { Logger } from '../deps/logger';
import { SocketState, type WebSocketConstructor, type WebSocketLike } from '../deps/webSocket';
import type { Keepalive } from '../domain/senseModes';
import type { EngineTuning } from '../tuning';
import { backoffDelay } from './backoff';
import { keepaliveFrame, loginFrame, logoutFrame } from './frames';

/**
 * `stopped`: halted by the server (kickout, a refused login) until `restart`; `closed`: ended
 * by `stop`, for good.
 */
export type ConnectionPhase = 'idle' | 'connecting' | 'ready' | 'waiting' | 'stopped' | 'closed';

export type ConnectionEvent =
  /** A new attempt opens a socket. */
  | Readonly<{ type: 'connecting'; attempt: number }>
  /** Logged in (again): the moment to resend whatever is unacknowledged. */
  | Readonly<{ type: 'ready'; firstLoginTime: number }>
  /** A data (2) or ACK (4) frame after login. */
  | Readonly<{ type: 'frame'; frame: Envelope }>
  /** A keepalive answer (51); a Tidings server puts the sync cursors in it. */
  | Readonly<{ type: 'keepalive-answer'; dataContent: string | null }>
  /** The server refused the login; `retrying` says whether the connection tries again by itself. */
  | Readonly<{ type: 'rejected'; code: number; retrying: boolean }>
  /** The server ended the session (54); the connection halts until `restart`. */
  | Readonly<{ type: 'kicked'; code: number }>
  /** The link went away. */
  | Readonly<{ type: 'lost'; reason: string }>
  /** The next attempt is scheduled. */
  | Readonly<{ type: 'waiting'; nextAttemptAt: number; attempt: number }>;

export type ConnectionOptions = Readonly<{
  url: string;
  userId: string;
  deviceId: string;
  /** The access token to log in with, read at every attempt (it changes after a refresh). */
  token(): string;
  /** Announce Tidings' capabilities in the login `extra`; off for a stock server. */
  announce: boolean;
  /** The first-login time kept from earlier runs (0 = this is a fresh, user-started login). */
  firstLoginTime: number;
  keepalive: Keepalive;
  WebSocket: WebSocketConstructor;
  timers: Timers;
  clock: Clock;
  random: () => number;
  logger: Logger;
  tuning: Pick<EngineTuning, 'loginTimeoutMs' | 'reconnectBaseMs' | 'reconnectCapMs'>;
}>;

export type Connection = Readonly<{
  state(): ConnectionPhase;
  /** The server's first-login time for this session (0 before the first successful login). */
  firstLoginTime(): number;
  on(listener: (event: ConnectionEvent) => void): () => void;
  start(): void;
  /** Sends a frame if logged in; false otherwise (the caller keeps it for the next `ready`). */
  send(frame: string): boolean;
  /** Skips the backoff wait, e.g. when the OS reports the network is back. */
  reconnectNow(): void;
  /**
   * Drops the current link (if any) and logs in again now, also after a halt. `fresh` logs in
   * as the user did at sign-in (first-login time 0), which takes the session back from another
   * login of this device.
   */
  restart(options?: Readonly<{ fresh?: boolean }>): void;
  /** New keepalive timings, applied from the next beat (basic mode needs shorter ones). */
  setKeepalive(keepalive: Keepalive): void;
  /** Logs out and closes; nothing reconnects afterwards. */
  stop(): void;
}>;

/** Login codes after which trying again cannot help without a new token or an administrator. */
const finalLoginCodes: ReadonlySet<number> = new Set([
  LoginCode.invalidToken,
  LoginCode.tokenExpired,
  LoginCode.userDisabled,
  LoginCode.badRequest,
]);

const ignore = (): void => {};

/**
 * One account's link to the gateway: login, keepalive, and reconnect with backoff. It knows
 * frames, not messages; the session above it decides what they mean.
 */
export function createConnection(options: ConnectionOptions): Connection {
  const { timers, logger, tuning } = options;
  const listeners = new Set<(event: ConnectionEvent) => void>();
  let phase: ConnectionPhase = 'idle';
  let socket: WebSocketLike | null = null;
  let firstLoginTime = options.firstLoginTime;
  let keepalive = options.keepalive;
  let attempt = 0;
  let handshakeTimer: TimerHandle | null = null;
  let beatTimer: TimerHandle | null = null;
  let answerDeadline: TimerHandle | null = null;
  let reconnectTimer: TimerHandle | null = null;

  const emit = (event: ConnectionEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        logger.error('connection.listener-failed', { error: String(error) });
      }
    }
  };

  const clear = (handle: TimerHandle | null): null => {
    if (handle !== null) timers.clearTimeout(handle);
    return null;
  };

  const clearLinkTimers = (): void => {
    handshakeTimer = clear(handshakeTimer);
    beatTimer = clear(beatTimer);
    answerDeadline = clear(answerDeadline);
  };

  /** Forgets a socket without hearing from it again. Handlers become no-ops rather than null:
   *  `ws` throws an unhandled 'error' event when no error listener is left. */
  const release = (s: WebSocketLike, code: number, reason: string): void => {
    s.onopen = ignore;
    s.onmessage = ignore;
    s.onclose = ignore;
    s.onerror = ignore;
    try {
      if (s.readyState === SocketState.connecting || s.readyState === SocketState.open) s.close(code, reason);
    } catch (error) {
      logger.debug('connection.close-failed', { error: String(error) });
    }
  };

  const dropSocket = (code: number, reason: string): void => {
    clearLinkTimers();
    if (socket) release(socket, code, reason);
    socket = null;
  };

  const rawSend = (frame: string): boolean => {
    if (!socket || socket.readyState !== SocketState.open) return false;
    try {
      socket.send(frame);
      return true;
    } catch (error) {
      logger.warn('connection.send-failed', { error: String(error) });
      return false;
    }
  };

  const scheduleReconnect = (): void => {
    const delay = backoffDelay(attempt, tuning.reconnectBaseMs, tuning.reconnectCapMs, options.random);
    attempt += 1;
    phase = 'waiting';
    const nextAttemptAt = options.clock.now() + delay;
    logger.info('connection.reconnect-scheduled', { delayMs: delay, attempt });
    reconnectTimer = timers.setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
    emit({ type: 'waiting', nextAttemptAt, attempt });
  };

  /** The current link is unusable: drop it and, unless halted, try again later. */
  const linkDown = (reason: string, retry = true): void => {
    dropSocket(4000, reason);
    if (phase === 'closed' || phase === 'stopped') return;
    logger.info('connection.lost', { reason });
    if (retry) {
      phase = 'waiting';
      emit({ type: 'lost', reason });
      scheduleReconnect();
    } else {
      phase = 'stopped';
      emit({ type: 'lost', reason });
    }
  };

  const beat = (): void => {
    beatTimer = timers.setTimeout(beat, keepalive.intervalMs);
    rawSend(keepaliveFrame(options.userId));
    // The oldest unanswered beat sets the deadline; any 51 clears it.
    answerDeadline ??= timers.setTimeout(() => {
      answerDeadline = null;
      linkDown('keepalive-timeout');
    }, keepalive.timeoutMs);
  };

  const onLoginAnswer = (frame: Envelope): void => {
    const answer = decodePayload(frame.dataContent, loginResponseSchema);
    if (!answer.ok) {
      linkDown('bad-login-answer');
      return;
    }
    const { code } = answer.value;
    if (code !== LoginCode.ok) {
      const retrying = !finalLoginCodes.has(code);
      logger.warn('connection.login-rejected', { code, retrying });
      emit({ type: 'rejected', code, retrying });
      linkDown(`login-rejected-${code}`, retrying);
      return;
    }
    handshakeTimer = clear(handshakeTimer);
    if (answer.value.firstLoginTime > 0) firstLoginTime = answer.value.firstLoginTime;
    attempt = 0;
    phase = 'ready';
    logger.info('connection.ready', { userId: options.userId });
    beatTimer = timers.setTimeout(beat, keepalive.intervalMs);
    emit({ type: 'ready', firstLoginTime });
  };

  const onText = (data: unknown): void => {
    if (typeof data !== 'string') {
      logger.warn('connection.binary-frame-ignored');
      return;
    }
    const decoded = decodeFrame(data);
    if (!decoded.ok) {
      logger.warn('connection.bad-frame', { reason: decoded.reason });
      return;
    }
    const frame = decoded.value;
    switch (frame.type) {
      case FrameType.loginResponse:
        if (phase === 'connecting') onLoginAnswer(frame);
        return;
      case FrameType.keepaliveResponse:
        answerDeadline = clear(answerDeadline);
        if (phase === 'ready') emit({ type: 'keepalive-answer', dataContent: frame.dataContent });
        return;
      case FrameType.kickout: {
        const payload = decodePayload(frame.dataContent, kickoutPayloadSchema);
        const code = payload.ok ? payload.value.code : -1;
        logger.warn('connection.kicked', { code });
        dropSocket(1000, 'kicked');
        phase = 'stopped';
        emit({ type: 'kicked', code });
        return;
      }
      case FrameType.error: {
        const payload = decodePayload(frame.dataContent, errorPayloadSchema);
        logger.warn('connection.server-error', { code: payload.ok ? payload.value.errorCode : -1 });
        return;
      }
      case FrameType.data:
      case FrameType.ack:
        if (phase === 'ready') emit({ type: 'frame', frame });
        return;
      default:
        return;
    }
  };

  function connect(): void {
    if (phase === 'closed' || phase === 'stopped') return;
    phase = 'connecting';
    emit({ type: 'connecting', attempt });
    let s: WebSocketLike;
    try {
      s = new options.WebSocket(options.url);
    } catch (error) {
      logger.warn('connection.open-failed', { error: String(error) });
      scheduleReconnect();
      return;
    }
    socket = s;
    handshakeTimer = timers.setTimeout(() => {
      handshakeTimer = null;
      linkDown('login-timeout');
    }, tuning.loginTimeoutMs);
    s.onopen = () => {
      rawSend(
        loginFrame({
          userId: options.userId,
          token: options.token(),
          deviceId: options.announce ? options.deviceId : null,
          firstLoginTime,
        }),
      );
    };
    s.onmessage = (event) => onText(event.data);
    s.onerror = () => logger.debug('connection.socket-error');
    s.onclose = (event) => {
      if (socket === s) linkDown(`closed-${event.code}`);
    };
  }

  return Object.freeze({
    state: () => phase,
    firstLoginTime: () => firstLoginTime,
    on(listener: (event: ConnectionEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start() {
      if (phase === 'idle') connect();
    },
    send(frame: string) {
      return phase === 'ready' && rawSend(frame);
    },
    reconnectNow() {
      if (phase !== 'waiting') return;
      reconnectTimer = clear(reconnectTimer);
      attempt = 0;
      connect();
    },
    restart(restartOptions?: Readonly<{ fresh?: boolean }>) {
      if (phase === 'closed') return;
      reconnectTimer = clear(reconnectTimer);
      dropSocket(1000, 'restart');
      if (restartOptions?.fresh) firstLoginTime = 0;
      attempt = 0;
      phase = 'idle';
      connect();
    },
    setKeepalive(next: Keepalive) {
      keepalive = next;
      if (phase === 'ready') {
        beatTimer = clear(beatTimer);
        beatTimer = timers.setTimeout(beat, keepalive.intervalMs);
      }
    },
    stop() {
      if (phase === 'closed') return;
      const wasReady = phase === 'ready';
      reconnectTimer = clear(reconnectTimer);
      clearLinkTimers();
      if (wasReady) rawSend(logoutFrame(options.userId));
      phase = 'closed';
      if (socket) release(socket, 1000, 'logout');
      socket = null;
    },
  });
}
