import crypto from 'node:crypto';
import type { AuthResponse, LoginRequestHttp, RegisterRequest } from '../../shared/protocol';
import { AppError } from '../errors';
import type { Clock } from '../ports';
import type { TokenRepository } from '../storage/tokenRepository';
import type { UserRepository } from '../storage/userRepository';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken, newToken } from './tokens';

/**
 * Accounts and tokens. The only module that knows how credentials are checked, so the later
 * move to argon2 and signed JWTs changes this file and its helpers, not its callers.
 */
export type AuthService = Readonly<{
  /** @throws AppError `username-taken` */
  register(request: RegisterRequest): Promise<AuthResponse>;
  /** @throws AppError `invalid-credentials` */
  login(request: LoginRequestHttp): Promise<AuthResponse>;
  /** The user a bearer token belongs to, or null. */
  authenticate(token: string): string | null;
  /** True when `token` is a valid token of `userId` (the WebSocket login check). */
  verifyLoginToken(userId: string, token: string): boolean;
}>;

export function createAuthService(
  deps: Readonly<{ users: UserRepository; tokens: TokenRepository; clock: Clock }>,
): AuthService {
  const { users, tokens, clock } = deps;
  // Verified against when the username is unknown, so a login takes as long either way and
  // does not reveal which usernames exist. Created on first use to keep startup fast.
  let decoyHash: Promise<string> | undefined;

  const issueToken = (userId: string): string => {
    const token = newToken();
    tokens.insert(hashToken(token), userId, clock.now());
    return token;
  };

  const authenticate = (token: string): string | null => {
    if (token.length === 0 || token.length > 512) return null;
    return tokens.findUserId(hashToken(token)) ?? null;
  };

  return {
    async register(request) {
      const passwordHash = await hashPassword(request.password);
      const inserted = users.insert({
        username: request.username,
        passwordHash,
        displayName: request.displayName,
        createdAt: clock.now(),
      });
      if (!inserted.ok) throw new AppError('username-taken');
      return { userId: inserted.id, token: issueToken(inserted.id) };
    },

    async login(request) {
      const user = users.findByUsername(request.username);
      if (!user) {
        decoyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
        await verifyPassword(request.password, await decoyHash);
        throw new AppError('invalid-credentials');
      }
      if (!(await verifyPassword(request.password, user.passwordHash)))
        throw new AppError('invalid-credentials');
      return { userId: user.id, token: issueToken(user.id) };
    },

    authenticate,

    verifyLoginToken(userId, token) {
      return authenticate(token) === userId;
    },
  };
}
