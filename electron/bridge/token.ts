import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per run: whoever opens the printed URL may drive this engine. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Compares in constant time; hashing first makes the inputs equal length, so the length doesn't leak either. */
export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(expected));
}
