import { AppError } from '../errors';
import type { Logger } from '../log/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { Clock } from '../ports';
import type { UserRepository } from '../storage/userRepository';
import type { AuthService, AuthTokens } from './authService';

/**
 * Closes a user's live sockets (all of them, or one device's) with kickout 54 code 2; returns
 * how many. The gateway provides it; the service only decides when.
 */
export type KickSockets = (userId: string, deviceId: string | null, reason: string) => number;

export type ProvisionedAccount = AuthTokens & Readonly<{ username: string; created: boolean }>;

export type NewAccount = Readonly<{ username: string; displayName: string }>;

export type AdminService = Readonly<{
  /**
   * Creates the accounts that do not exist (no password: an identity provider vouches for
   * them) and mints an access and a refresh token for every one, existing or new.
   * @throws AppError `invalid-request` for a username given twice
   */
  provision(accounts: readonly NewAccount[], accessTtlSeconds?: number): ProvisionedAccount[];
  /** @throws AppError `user-not-found` */
  kick(userId: string, deviceId: string | null): Readonly<{ kicked: number }>;
  /** Revokes every session (tokens refused from now on) and kicks the live sockets. @throws AppError `user-not-found` */
  revoke(userId: string): Readonly<{ revokedSessions: number; kicked: number }>;
  /** Disabling also revokes and kicks. @throws AppError `user-not-found` */
  setDisabled(
    userId: string,
    disabled: boolean,
  ): Readonly<{ userId: string; disabled: boolean; revokedSessions: number; kicked: number }>;
}>;

export type AdminServiceDeps = Readonly<{
  users: UserRepository;
  auth: AuthService;
  kickSockets: KickSockets;
  clock: Clock;
  logger: Logger;
  metrics: ServerMetrics;
}>;

export function createAdminService(deps: AdminServiceDeps): AdminService {
  const { users, auth, clock, logger, metrics } = deps;

  const requireUser = (userId: string): void => {
    if (!users.exists(userId)) throw new AppError('user-not-found');
  };

  const kick = (userId: string, deviceId: string | null, reason: string): number => {
    const kicked = deps.kickSockets(userId, deviceId, reason);
    metrics.adminKicks.inc(kicked);
    return kicked;
  };

  const revoke = (userId: string, reason: string): { revokedSessions: number; kicked: number } => {
    // Revoke first: a socket kicked before its session is revoked could log in again at once.
    const revokedSessions = auth.revokeUser(userId);
    return { revokedSessions, kicked: kick(userId, null, reason) };
  };

  return {
    provision(accounts, accessTtlSeconds) {
      const seen = new Set<string>();
      for (const { username } of accounts) {
        const key = username.toLowerCase();
        if (seen.has(key)) throw new AppError('invalid-request', `username ${username} is listed twice`);
        seen.add(key);
      }
      const provisioned = users.provision(accounts, clock.now());
      const tokens = auth.startSessions(
        provisioned.map((p) => p.id),
        accessTtlSeconds,
      );
      const created = provisioned.filter((p) => p.created).length;
      metrics.usersProvisioned.inc(created);
      logger.info('users provisioned', { requested: accounts.length, created });
      return provisioned.map((p, i) => ({
        ...(tokens[i] as AuthTokens),
        username: p.username,
        created: p.created,
      }));
    },

    kick(userId, deviceId) {
      requireUser(userId);
      const kicked = kick(userId, deviceId, 'kicked by an administrator');
      logger.info('admin kick', { userId, deviceId, kicked });
      return { kicked };
    },

    revoke(userId) {
      requireUser(userId);
      const result = revoke(userId, 'signed out by an administrator');
      logger.info('admin revoke', { userId, ...result });
      return result;
    },

    setDisabled(userId, disabled) {
      if (!users.setDisabled(userId, disabled)) throw new AppError('user-not-found');
      const result = disabled ? revoke(userId, 'account disabled') : { revokedSessions: 0, kicked: 0 };
      logger.info(disabled ? 'user disabled' : 'user enabled', { userId, ...result });
      return { userId, disabled, ...result };
    },
  };
}
