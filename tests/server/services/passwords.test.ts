import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/services/passwords';
import { hashToken, newToken } from '../../../server/services/tokens';

describe('passwords', () => {
  it('hashes with a random salt and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('pässword'), hashPassword('pässword')]);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('pässword', a)).toBe(true);
    expect(await verifyPassword('pässword'.normalize('NFD'), a)).toBe(true); // same text, other Unicode form
    expect(await verifyPassword('password', a)).toBe(false);
  });

  it('refuses hashes it cannot read', async () => {
    for (const stored of ['', 'plain', 'argon2$x', 'scrypt$a$b$c$d$e', 'scrypt$16384$8$1$c2FsdA==$']) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });
});

describe('tokens', () => {
  it('are 32 random bytes in base64url, hashed with SHA-256', () => {
    const token = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toHaveLength(32);
    expect(hashToken(token).equals(hashToken(token))).toBe(true);
  });
});
