import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/services/passwords';
import { hashToken, newToken } from '../../../server/services/tokens';

/** A hash in the walking skeleton's scrypt format, made here the way it made them. */
function legacyScryptHash(password: string): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password.normalize('NFC'), salt, 32, { N: 16_384, r: 8, p: 1 });
  return ['scrypt', 16_384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('passwords', () => {
  it('hashes with argon2id and a random salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('pässword'), hashPassword('pässword')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('pässword', a)).toEqual({ ok: true, needsRehash: false });
    // The same text in another Unicode form (as typed on another system).
    expect((await verifyPassword('pässword'.normalize('NFD'), a)).ok).toBe(true);
    expect((await verifyPassword('password', a)).ok).toBe(false);
  });

  it('flags an argon2 hash with weaker parameters for rehashing', async () => {
    const argon2 = (await import('argon2')).default;
    const weak = await argon2.hash('secret-pw', { type: argon2.argon2id, memoryCost: 8192, timeCost: 1 });
    expect(await verifyPassword('secret-pw', weak)).toEqual({ ok: true, needsRehash: true });
  });

  it('still verifies the skeleton scrypt hashes, and asks for a rehash', async () => {
    const legacy = legacyScryptHash('old-secret');
    expect(await verifyPassword('old-secret', legacy)).toEqual({ ok: true, needsRehash: true });
    expect((await verifyPassword('other', legacy)).ok).toBe(false);
  });

  it('refuses the empty hash of a password-less account and hashes it cannot read', async () => {
    for (const stored of [
      '',
      'plain',
      'argon2$x',
      '$argon2id$v=19$m=19456,t=2,p=1$garbage',
      'scrypt$a$b$c$d$e',
      'scrypt$16384$8$1$c2FsdA==$',
      'scrypt$1$8$1$c2FsdA==$AAAA',
    ]) {
      expect(await verifyPassword('x', stored)).toEqual({ ok: false, needsRehash: false });
    }
    expect((await verifyPassword('', '')).ok).toBe(false);
  });
});

describe('tokens', () => {
  it('are 32 random bytes in base64url, hashed with SHA-256', () => {
    const token = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toHaveLength(32);
    expect(hashToken(token).equals(hashToken(token))).toBe(true);
  });
});
