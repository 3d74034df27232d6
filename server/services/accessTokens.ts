import { errors, jwtVerify } from 'jose';
import crypto, { webcrypto } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../ports';

/** What an access token says: whose it is and which sign-in session it belongs to. */
export type AccessClaims = Readonly<{ userId: string; sessionId: string }>;

export type DecodedAccessToken =
  /** Authentic; `expired` tokens are still decoded so the caller can tell "refresh" from "denied". */
  Readonly<{ ok: true; claims: AccessClaims; expired: boolean }> | Readonly<{ ok: false }>;

export type AccessTokens = Readonly<{
  /** `ttlSeconds` overrides the configured lifetime (admin-minted tokens). */
  sign(claims: AccessClaims, ttlSeconds?: number): string;
  decode(token: string): Promise<DecodedAccessToken>;
}>;

const ISSUER = 'tidings';
/** Far above any token we mint (~200 bytes); refuses junk before any crypto. */
const MAX_TOKEN_LENGTH = 2048;

const claimsSchema = z.object({
  sub: z.string().regex(/^[1-9][0-9]{0,15}$/),
  sid: z.string().regex(/^[1-9][0-9]{0,15}$/),
});

/** The protected header of every token we mint, encoded once. */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * Short-lived access tokens: HS256 JWTs under the server's secret, verified with jose (which
 * owns the parsing pitfalls: algorithm confusion, claim validation). Minting is a plain HMAC
 * over the standard compact form: jose's async WebCrypto signing costs ~60 µs a token, ten
 * times the HMAC, and the admin API mints tens of thousands at once. They are never
 * stored; the auth service checks the session each one names, which is what makes them
 * revocable before they expire.
 */
export function createAccessTokens(secret: Buffer, clock: Clock, ttlSeconds: number): AccessTokens {
  // A CryptoKey imported once verifies several times faster than raw bytes.
  const key = webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);

  const claimsOf = (payload: unknown): AccessClaims | null => {
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) return null;
    return { userId: parsed.data.sub, sessionId: parsed.data.sid };
  };

  return {
    sign(claims, ttl = ttlSeconds) {
      const nowMs = clock.now();
      // JWT times are whole seconds; rounding the expiry up keeps every token valid for at
      // least its configured lifetime.
      const payload = {
        iss: ISSUER,
        sub: claims.userId,
        sid: claims.sessionId,
        iat: Math.floor(nowMs / 1000),
        exp: Math.ceil((nowMs + ttl * 1000) / 1000),
      };
      const input = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      const signature = crypto.createHmac('sha256', secret).update(input).digest('base64url');
      return `${input}.${signature}`;
    },

    async decode(token) {
      if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { ok: false };
      try {
        const { payload } = await jwtVerify(token, await key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          requiredClaims: ['sub', 'exp', 'iat'],
          currentDate: new Date(clock.now()),
        });
        const claims = claimsOf(payload);
        return claims ? { ok: true, claims, expired: false } : { ok: false };
      } catch (error) {
        // jose checks the signature before the claims, so an expired token is an authentic one.
        if (error instanceof errors.JWTExpired) {
          const claims = claimsOf(error.payload);
          return claims ? { ok: true, claims, expired: true } : { ok: false };
        }
        return { ok: false };
      }
    },
  };
}
