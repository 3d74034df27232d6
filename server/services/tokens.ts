import crypto from 'node:crypto';

/** An opaque bearer token: 32 random bytes, base64url. Only `hashToken(token)` is stored. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** SHA-256 is enough here (unlike for passwords): tokens are long random values, not guessable. */
export function hashToken(token: string): Buffer {
  return crypto.createHash('sha256').update(token, 'utf8').digest();
}
