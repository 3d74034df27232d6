import crypto from 'node:crypto';
import type { LoginRequestHttp, RegisterRequest } from '../../shared/protocol';
import { AppError } from '../errors';
import type { Logger } from '../log/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { Clock } from '../ports';
import type { TokenRepository } from '../storage/tokenRepository';
import type { UserRepository } from '../storage/userRepository';
import type { AccessTokens } from './accessTokens';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken, newToken } from './tokens';

/** What register, login and refresh return (the HTTP reply body). */
export type AuthTokens = Readonly<{ userId: string; token: string; refreshToken: string }>;

export type TokenRefusal = 'invalid' | 'expired' | 'disabled';

/** The result of checking an access token; `reason` lets a client tell "refresh" from "sign in". */
export type AccessCheck =
  Readonly<{ ok: true; userId: string; sessionId: string }> | Readonly<{ ok: false; reason: TokenRefusal }>;

export type AuthService = Readonly<{
  /** @throws AppError `username-taken` */
  register(request: RegisterRequest): Promise<AuthTokens>;
  /** @throws AppError `invalid-credentials`, `user-disabled` */
  login(request: LoginRequestHttp): Promise<AuthTokens>;
  /**
   * Spends a refresh token and returns a new pair in the same session. Presenting a token that
   * was already spent revokes its whole session (someone holds a stolen copy).
   * @throws AppError `invalid-refresh-token`, `user-disabled`
   */
  refresh(refreshToken: string): Promise<AuthTokens>;
  /** Revokes the session of the refresh token and/or of the access token; unknown ones are ignored. */
  logout(what: Readonly<{ refreshToken?: string; sessionId?: string }>): void;
  /** Checks a bearer access token (HTTP). */
  authenticate(token: string): Promise<AccessCheck>;
  /** Checks the access token of a WebSocket login for `userId`. */
  verifyLoginToken(
    userId: string,
    token: string,
  ): Promise<Readonly<{ ok: true }> | Readonly<{ ok: false; reason: TokenRefusal }>>;
  /**
   * Starts a session for each user and mints its tokens, with no password involved (the admin
   * API's provisioning). One transaction for all sessions.
   */
  startSessions(userIds: readonly string[], accessTtlSeconds?: number): AuthTokens[];
  /** Revokes every session of the user (their access tokens are refused from now on); how many. */
  revokeUser(userId: string): number;
}>;

export type AuthServiceDeps = Readonly<{
  users: UserRepository;
  tokens: TokenRepository;
  accessTokens: AccessTokens;
  clock: Clock;
  logger: Logger;
  metrics: ServerMetrics;
  refreshTtlSeconds: number;
}>;

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { users, tokens, accessTokens, clock, logger, metrics } = deps;
  // Verified against when the username is unknown, so a login takes as long either way and
  // does not reveal which usernames exist. Created on first use to keep startup fast.
  let decoyHash: Promise<string> | undefined;

  const newRefreshToken = (): { token: string; hash: Buffer; expiresAt: number } => {
    const token = newToken();
    return { token, hash: hashToken(token), expiresAt: clock.now() + deps.refreshTtlSeconds * 1000 };
  };

  const startSession = (userId: string): AuthTokens => {
    const refresh = newRefreshToken();
    const sessionId = tokens.createSession(userId, clock.now(), refresh);
    return { userId, token: accessTokens.sign({ userId, sessionId }), refreshToken: refresh.token };
  };

  const check = async (token: string, expectedUserId?: string): Promise<AccessCheck> => {
    const decoded = await accessTokens.decode(token);
    if (!decoded.ok) return { ok: false, reason: 'invalid' };
    const { userId, sessionId } = decoded.claims;
    if (expectedUserId !== undefined && userId !== expectedUserId) return { ok: false, reason: 'invalid' };
    const session = tokens.sessionState(sessionId);
    if (!session || session.userId !== userId) return { ok: false, reason: 'invalid' };
    if (session.disabled) return { ok: false, reason: 'disabled' };
    if (session.revoked) return { ok: false, reason: 'invalid' };
    if (decoded.expired) return { ok: false, reason: 'expired' };
    return { ok: true, userId, sessionId };
  };

  const counted = async <T>(operation: string, run: () => T | Promise<T>): Promise<T> => {
    try {
      const result = await run();
      metrics.authRequests.inc({ operation, result: 'ok' });
      return result;
    } catch (error) {
      metrics.authRequests.inc({ operation, result: error instanceof AppError ? error.code : 'error' });
      throw error;
    }
  };

  return {
    register: (request) =>
      counted('register', async () => {
        const passwordHash = await hashPassword(request.password);
        const inserted = users.insert({
          username: request.username,
          passwordHash,
          displayName: request.displayName,
          createdAt: clock.now(),
        });
        if (!inserted.ok) throw new AppError('username-taken');
        logger.info('user registered', { userId: inserted.id });
        return startSession(inserted.id);
      }),

    login: (request) =>
      counted('login', async () => {
        const user = users.findByUsername(request.username);
        if (!user) {
          decoyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
          await verifyPassword(request.password, await decoyHash);
          throw new AppError('invalid-credentials');
        }
        const checked = await verifyPassword(request.password, user.passwordHash);
        if (!checked.ok) throw new AppError('invalid-credentials');
        // Only a caller who knows the password learns that the account is disabled.
        if (user.disabled) throw new AppError('user-disabled');
        if (checked.needsRehash) users.updatePasswordHash(user.id, await hashPassword(request.password));
        return startSession(user.id);
      }),

    refresh: (refreshToken) =>
      counted('refresh', () => {
        const next = newRefreshToken();
        const outcome = tokens.rotate(hashToken(refreshToken), next, clock.now());
        if (outcome.status === 'reused') {
          tokens.revokeSession(outcome.sessionId, clock.now());
          logger.warn('refresh token reused; session revoked', {
            userId: outcome.userId,
            sessionId: outcome.sessionId,
          });
        }
        if (outcome.status !== 'rotated') throw new AppError('invalid-refresh-token');
        const { userId, sessionId } = outcome;
        if (users.findById(userId)?.disabled !== false) {
          tokens.revokeSession(sessionId, clock.now());
          throw new AppError('user-disabled');
        }
        return { userId, token: accessTokens.sign({ userId, sessionId }), refreshToken: next.token };
      }),

    logout({ refreshToken, sessionId }) {
      const now = clock.now();
      if (refreshToken !== undefined) tokens.revokeByRefreshToken(hashToken(refreshToken), now);
      if (sessionId !== undefined) tokens.revokeSession(sessionId, now);
      metrics.authRequests.inc({ operation: 'logout', result: 'ok' });
    },

    authenticate: (token) => check(token),

    async verifyLoginToken(userId, token) {
      const result = await check(token, userId);
      metrics.logins.inc({ result: result.ok ? 'ok' : result.reason });
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    },

    startSessions(userIds, accessTtlSeconds) {
      const refreshes = userIds.map((userId) => ({ userId, refresh: newRefreshToken() }));
      const sessionIds = tokens.createSessions(refreshes, clock.now());
      return refreshes.map(({ userId, refresh }, i) => ({
        userId,
        token: accessTokens.sign({ userId, sessionId: sessionIds[i] ?? '' }, accessTtlSeconds),
        refreshToken: refresh.token,
      }));
    },

    revokeUser(userId) {
      return tokens.revokeUserSessions(userId, clock.now());
    },
  };
}
