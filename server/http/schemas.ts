import { z } from 'zod';
import {
  displayNameSchema,
  loginRequestHttpSchema,
  registerRequestSchema,
  usernameSchema,
} from '../../shared/protocol';
import { USER_SEARCH_MAX_RESULTS } from '../services/userService';

/**
 * Request schemas of the HTTP API beyond the shared ones in shared/protocol/http.ts (which the
 * engine also uses); candidates to move there once a client calls these endpoints.
 */

const noControlCharacters = (text: string): boolean => !/\p{Cc}/u.test(text);
const noControlExceptNewline = (text: string): boolean => noControlCharacters(text.replaceAll('\n', ''));

/** Names are shown in lists and notifications: no control characters (NUL, escapes, newlines). */
export const nicknameSchema = displayNameSchema.refine(noControlCharacters, 'no control characters');

export const registerBodySchema = registerRequestSchema.extend({ displayName: nicknameSchema });
export const loginBodySchema = loginRequestHttpSchema;

/** Refresh tokens are 32 random bytes in base64url. */
export const refreshTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a refresh token');
export const refreshBodySchema = z.object({ refreshToken: refreshTokenSchema });
/** Logout may name the refresh token to revoke; the bearer access token's session is revoked too. */
export const logoutBodySchema = z.object({ refreshToken: refreshTokenSchema.optional() }).optional();

export const userIdSchema = z.string().regex(/^[1-9][0-9]{0,15}$/, 'not a user id');
/** A reference to an avatar (later a file id), not a URL: the client resolves it. */
export const avatarRefSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'not an avatar reference');
export const signatureSchema = z.string().max(200).refine(noControlExceptNewline, 'no control characters');

export const profileChangesSchema = z.strictObject({
  displayName: nicknameSchema.optional(),
  avatar: avatarRefSchema.nullable().optional(),
  signature: signatureSchema.optional(),
});

export const userSearchQuerySchema = z.object({
  query: z.string().min(1).max(64).refine(noControlCharacters, 'no control characters'),
  limit: z.coerce.number().int().min(1).max(USER_SEARCH_MAX_RESULTS).default(20),
});

/** Longest admin-minted access token lifetime: a week (load tests, long-running integrations). */
export const MAX_ADMIN_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

export function bulkProvisionBodySchema(maxUsers: number) {
  return z.strictObject({
    users: z
      .array(z.strictObject({ username: usernameSchema, displayName: nicknameSchema }))
      .min(1)
      .max(maxUsers),
    accessTokenTtlSeconds: z.number().int().min(1).max(MAX_ADMIN_TOKEN_TTL_SECONDS).optional(),
  });
}

/** Device ids come from the clients' login `extra`; opaque here, but bounded and printable. */
export const deviceIdSchema = z.string().min(1).max(128).refine(noControlCharacters, 'no control characters');

export const kickBodySchema = z.strictObject({
  userId: userIdSchema,
  deviceId: deviceIdSchema.nullable().optional(),
});

export const setDisabledBodySchema = z.strictObject({ disabled: z.boolean() });
