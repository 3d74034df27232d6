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
import type { TimerHandle, Timers } from '../deps/clock';
import type { Logger } from '../deps/logger';
import { SocketState, type WebSocketConstructor, type WebSocketLike } from '../deps/webSocket';
import type { EngineTuning } from '../tuning';
import { backoffDelay } from './backoff';
import { keepaliveFrame, loginFrame, logoutFrame } from './frames';

export type ConnectionState = 'idle' | 'connecting' | 'ready' | 'waiting' | 'stopped';

export type ConnectionEvent =
  /** Logged in (again): the moment to resend whatever is unacknowledged. */
  | Readonly<{ type: 'ready'; firstLoginTime: number }>
  /** A data (2) or ACK (4) frame after login. */
  | Readonly<{ type: 'frame'; frame: Envelope }>
  /** The server refused the login; `retrying` says whether the connection tries again. */
  | Readonly<{ type: 'rejected'; code: number; retrying: boolean }>
  /** Another login replaced this one (54); the connection stops for good. */
  | Readonly<{ type: 'kicked'; code: number }>
  /** The link went away; a reconnect is scheduled. */
  | Readonly<{ type: 'lost'; reason: string }>;

export type ConnectionOptions = Readonly<{
  url: string;
  userId: string;
  token: string;
  deviceId: string;
  WebSocket: WebSocketConstructor;
  timers: Timers;
  random: () => number;
  logger: Logger;
  tuning: Pick<
    EngineTuning,
    'keepaliveIntervalMs' | 'keepaliveTimeoutMs' | 'loginTimeoutMs' | 'reconnectBaseMs' | 'reconnectCapMs'
  >;
}>;

export type Connection = Readonly<{
  state(): ConnectionState;
  /** The server's first-login time for this session (0 before the first successful login). */
  firstLoginTime(): number;
  on(listener: (event: ConnectionEvent) => void): () => void;
  start(): void;
  /** Sends a frame if logged in; false otherwise (the caller keeps it for the next `ready`). */
  send(frame: string): boolean;
  /** Skips the backoff wait, e.g. when the OS reports the network is back. */
  reconnectNow(): void;
  /** Logs out and closes; no reconnect afterwards. */
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
  let state: ConnectionState = 'idle';
  let socket: WebSocketLike | null = null;
  let firstLoginTime = 0;
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
    state = 'waiting';
    logger.info('connection.reconnect-scheduled', { delayMs: delay, attempt });
    reconnectTimer = timers.setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  };

  /** The current link is unusable: drop it and, unless stopped, try again later. */
  const linkDown = (reason: string, retry = true): void => {
    clearLinkTimers();
    if (socket) release(socket, 4000, reason);
    socket = null;
    if (state === 'stopped') return;
    logger.info('connection.lost', { reason });
    emit({ type: 'lost', reason });
    if (retry) scheduleReconnect();
    else state = 'stopped';
  };

  const beat = (): void => {
    beatTimer = timers.setTimeout(beat, tuning.keepaliveIntervalMs);
    rawSend(keepaliveFrame(options.userId));
    // The oldest unanswered beat sets the deadline; any 51 clears it.
    answerDeadline ??= timers.setTimeout(() => {
      answerDeadline = null;
      linkDown('keepalive-timeout');
    }, tuning.keepaliveTimeoutMs);
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
    state = 'ready';
    logger.info('connection.ready', { userId: options.userId });
    beatTimer = timers.setTimeout(beat, tuning.keepaliveIntervalMs);
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
        if (state === 'connecting') onLoginAnswer(frame);
        return;
      case FrameType.keepaliveResponse:
        answerDeadline = clear(answerDeadline);
        return;
      case FrameType.kickout: {
        const payload = decodePayload(frame.dataContent, kickoutPayloadSchema);
        const code = payload.ok ? payload.value.code : -1;
        logger.warn('connection.kicked', { code });
        clearLinkTimers();
        if (socket) release(socket, 1000, 'kicked');
        socket = null;
        state = 'stopped';
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
        if (state === 'ready') emit({ type: 'frame', frame });
        return;
      default:
        return;
    }
  };

  function connect(): void {
    if (state === 'stopped') return;
    state = 'connecting';
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
          token: options.token,
          deviceId: options.deviceId,
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
    state: () => state,
    firstLoginTime: () => firstLoginTime,
    on(listener: (event: ConnectionEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start() {
      if (state === 'idle') connect();
    },
    send(frame: string) {
      return state === 'ready' && rawSend(frame);
    },
    reconnectNow() {
      if (state !== 'waiting') return;
      reconnectTimer = clear(reconnectTimer);
      attempt = 0;
      connect();
    },
    stop() {
      if (state === 'stopped') return;
      const wasReady = state === 'ready';
      reconnectTimer = clear(reconnectTimer);
      clearLinkTimers();
      if (wasReady) rawSend(logoutFrame(options.userId));
      state = 'stopped';
      if (socket) release(socket, 1000, 'logout');
      socket = null;
    },
  });
}
