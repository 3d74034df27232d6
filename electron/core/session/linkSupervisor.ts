import type { Account, AuthFailure, ConnectionState } from '../../../shared/ipc';
import {
  decodePayload,
  keepaliveAnswerSchema,
  LoginCode,
  type Cursors,
  type Envelope,
  type Hello,
} from '../../../shared/protocol';
import type { TimerHandle } from '../deps/clock';
import type { EngineDeps } from '../deps/engineDeps';
import { keepaliveFor } from '../domain/senseModes';
import type { SystemEvent } from '../engineHost';
import { backoffDelay } from '../net/backoff';
import type { Connection } from '../net/connection';
import type { AuthRefresher } from './authRefresher';
import { deriveConnectionState, kickReason, sameState, type LinkFacts } from './connectionState';
import type { TaskTracker } from './taskTracker';

/** How the first WebSocket login of a session went, as far as `auth:*` waits for it. */
export type LoginWait = 'ready' | 'rejected' | 'kicked' | 'timeout';

export type LinkSupervisorDeps = Readonly<{
  account: Account;
  connection: Connection;
  /** Null without HTTP credentials (basic mode, or a restored account whose tokens are gone). */
  auth: AuthRefresher | null;
  /** Nothing to log in with: the link stays down and the user is asked to sign in. */
  credentialsMissing: boolean;
  firstLoginTime: number;
  deps: Pick<EngineDeps, 'timers' | 'clock' | 'logger' | 'tuning' | 'random'>;
  tasks: TaskTracker;
  emitState(state: ConnectionState): void;
  saveFirstLoginTime(firstLoginTime: number): Promise<void>;
  /** Logged in (again): resend what waits. */
  onReady(): void;
  /** A Tidings server said hello: sync can start. */
  onHello(cursors: Cursors): void;
  /** The link is gone (lost, refused, kicked): stop whatever needs it. */
  onLinkGone(): void;
  onCursors(cursors: Cursors): void;
  onFrame(frame: Envelope): void;
}>;

/** The session's view of its link: the UI's connection state, and what to do about each change. */
export type LinkSupervisor = Readonly<{
  state(): ConnectionState;
  /** A stock server (chosen, or no hello): one-to-one text only. */
  basic(): boolean;
  /** Logged in on a Tidings server that said hello: commands and sync work. */
  synced(): boolean;
  recallWindowMs(): number | null;
  /** The server's hello frame (typeu 10). */
  hello(hello: Hello): void;
  waitForLogin(timeoutMs: number): Promise<LoginWait>;
  /** The server refused the refresh token over HTTP: only the password helps now. */
  authRejected(): void;
  retryNow(): void;
  systemEvent(event: SystemEvent): void;
  close(): void;
}>;

/**
 * Turns connection events into the connection state and the session's reactions: the hello
 * (or its absence: basic mode, with the stock keepalive), token refresh on 1026, a halt with a
 * reason on kickout or a refused token, and the first-login time kept for the next run.
 */
export function createLinkSupervisor(input: LinkSupervisorDeps): LinkSupervisor {
  const { account, connection, auth, tasks } = input;
  const { timers, clock, logger, tuning } = input.deps;
  const facts: LinkFacts = {
    mode: account.mode,
    link: input.credentialsMissing ? 'halted' : 'connecting',
    nextAttemptAt: 0,
    attempt: 0,
    hello: false,
    basicDetected: false,
    kicked: null,
    authFailure: input.credentialsMissing ? 'credentials-missing' : null,
    systemOffline: false,
  };
  let state = deriveConnectionState(facts);
  let helloTimer: TimerHandle | null = null;
  let refreshTimer: TimerHandle | null = null;
  let refreshAttempt = 0;
  let recallWindowMs: number | null = null;
  let persistedFirstLogin = input.firstLoginTime;
  let closed = false;

  const update = (change: Partial<LinkFacts>): void => {
    Object.assign(facts, change);
    const next = deriveConnectionState(facts);
    if (sameState(next, state)) return;
    state = next;
    logger.info('connection.state', {
      status: state.status,
      mode: facts.mode,
      ...(state.status === 'reconnecting' ? { attempt: state.attempt } : {}),
      ...('reason' in state ? { reason: state.reason } : {}),
    });
    input.emitState(state);
  };

  const loginWaiters = new Set<(outcome: LoginWait) => void>();
  let firstOutcome: LoginWait | null = null;
  const settleLogin = (outcome: LoginWait): void => {
    firstOutcome ??= outcome;
    for (const waiter of [...loginWaiters]) waiter(outcome);
    loginWaiters.clear();
  };

  const clearHelloTimer = (): void => {
    if (helloTimer !== null) timers.clearTimeout(helloTimer);
    helloTimer = null;
  };

  const linkGone = (): void => {
    clearHelloTimer();
    input.onLinkGone();
  };

  const failAuth = (reason: AuthFailure): void => {
    logger.warn('auth.failed', { reason });
    update({ authFailure: reason, link: 'halted' });
  };

  const scheduleRefresh = (): void => {
    if (!auth || closed) return;
    const delay = backoffDelay(
      refreshAttempt++,
      tuning.reconnectBaseMs,
      tuning.reconnectCapMs,
      input.deps.random,
    );
    update({ link: 'waiting', nextAttemptAt: clock.now() + delay, attempt: refreshAttempt });
    refreshTimer = timers.setTimeout(() => {
      refreshTimer = null;
      refreshAndReconnect();
    }, delay);
  };

  /** The access token expired: trade the refresh token for a new one and log in again. */
  const refreshAndReconnect = (): void => {
    if (!auth) {
      failAuth('session-expired');
      return;
    }
    update({ link: 'connecting' });
    tasks.run('auth.refresh', async () => {
      const outcome = await auth.refresh();
      if (closed) return;
      if (outcome === 'refreshed') {
        refreshAttempt = 0;
        connection.restart();
      } else if (outcome === 'rejected') failAuth('session-expired');
      else scheduleRefresh();
    });
  };

  const onReady = (firstLoginTime: number): void => {
    settleLogin('ready');
    update({ link: 'ready', hello: false, kicked: null, authFailure: null });
    if (firstLoginTime !== persistedFirstLogin) {
      persistedFirstLogin = firstLoginTime;
      tasks.run('account.first-login', () => input.saveFirstLoginTime(firstLoginTime));
    }
    if (account.mode === 'tidings') {
      helloTimer = timers.setTimeout(() => {
        helloTimer = null;
        logger.warn('connection.basic-detected', { afterMs: tuning.helloTimeoutMs });
        // A stock server drops links silent for longer than its own (short) expiry.
        connection.setKeepalive(keepaliveFor(tuning.basicSenseMode, tuning));
        update({ basicDetected: true });
      }, tuning.helloTimeoutMs);
    }
    input.onReady();
  };

  const onRejected = (code: number): void => {
    linkGone();
    if (account.mode === 'tidings' && code === LoginCode.tokenExpired && auth?.credentials().refreshToken) {
      logger.info('auth.token-expired');
      refreshAndReconnect();
      return;
    }
    settleLogin('rejected');
    failAuth(
      code === LoginCode.tokenExpired
        ? 'session-expired'
        : code === LoginCode.invalidToken
          ? 'invalid-token'
          : code === LoginCode.userDisabled
            ? 'user-disabled'
            : 'refused',
    );
  };

  connection.on((event) => {
    switch (event.type) {
      case 'connecting':
        update({ link: 'connecting', hello: false });
        return;
      case 'waiting':
        update({ link: 'waiting', nextAttemptAt: event.nextAttemptAt, attempt: event.attempt, hello: false });
        return;
      case 'ready':
        onReady(event.firstLoginTime);
        return;
      case 'frame':
        input.onFrame(event.frame);
        return;
      case 'keepalive-answer': {
        if (!facts.hello || event.dataContent === null) return;
        const answer = decodePayload(event.dataContent, keepaliveAnswerSchema);
        if (answer.ok && answer.value.cursors) input.onCursors(answer.value.cursors);
        return;
      }
      case 'rejected':
        if (!event.retrying) onRejected(event.code);
        return;
      case 'kicked':
        linkGone();
        settleLogin('kicked');
        update({ link: 'halted', kicked: kickReason(event.code) });
        return;
      case 'lost':
        linkGone();
        return;
    }
  });

  return Object.freeze({
    state: () => state,
    basic: () => account.mode === 'basic' || facts.basicDetected,
    synced: () => connection.state() === 'ready' && facts.hello,
    recallWindowMs: () => recallWindowMs,
    hello(hello: Hello) {
      if (account.mode === 'basic') return;
      clearHelloTimer();
      recallWindowMs = hello.limits.recallWindowMs;
      if (facts.basicDetected) {
        logger.info('connection.hello-late');
        connection.setKeepalive(keepaliveFor(tuning.senseMode, tuning));
      }
      update({ hello: true, basicDetected: false });
      input.onHello(hello.cursors);
    },
    waitForLogin(timeoutMs: number): Promise<LoginWait> {
      if (firstOutcome !== null) return Promise.resolve(firstOutcome);
      return new Promise<LoginWait>((resolve) => {
        const timer = timers.setTimeout(() => {
          loginWaiters.delete(done);
          resolve('timeout');
        }, timeoutMs);
        const done = (outcome: LoginWait): void => {
          timers.clearTimeout(timer);
          resolve(outcome);
        };
        loginWaiters.add(done);
      });
    },
    authRejected() {
      failAuth('session-expired');
    },
    retryNow() {
      if (closed) return;
      if (facts.kicked !== null) {
        logger.info('connection.sign-in-again');
        update({ kicked: null, link: 'connecting' });
        connection.restart({ fresh: true });
        return;
      }
      if (facts.authFailure !== null) {
        if (facts.authFailure === 'credentials-missing') return;
        update({ authFailure: null });
        if (auth?.credentials().refreshToken) refreshAndReconnect();
        else connection.restart();
        return;
      }
      if (refreshTimer !== null) {
        timers.clearTimeout(refreshTimer);
        refreshTimer = null;
        refreshAndReconnect();
        return;
      }
      connection.reconnectNow();
    },
    systemEvent(event: SystemEvent) {
      if (event === 'offline') update({ systemOffline: true });
      if (event === 'online' || event === 'resume') {
        update({ systemOffline: false });
        connection.reconnectNow();
      }
    },
    close() {
      closed = true;
      clearHelloTimer();
      if (refreshTimer !== null) timers.clearTimeout(refreshTimer);
      refreshTimer = null;
      settleLogin('timeout');
    },
  });
}
