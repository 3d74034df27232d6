import argon2 from 'argon2';
import crypto from 'node:crypto';

/**
 * Password hashing with argon2id at OWASP's baseline (19 MiB, 2 passes, 1 lane): about 40 ms
 * on a server core, and it runs on libuv's thread pool, not the event loop. The stored form is
 * the PHC string (`$argon2id$v=19$m=…`), which names its parameters, so raising them later
 * still verifies old hashes and `needsRehash` upgrades them at the next login.
 *
 * Hashes from the walking skeleton (`scrypt$N$r$p$salt$hash`) still verify and are reported
 * as needing a rehash.
 */
export const argon2Options = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export type PasswordCheck = Readonly<{ ok: boolean; needsRehash: boolean }>;

const refused: PasswordCheck = { ok: false, needsRehash: false };

export function hashPassword(password: string): Promise<string> {
  // NFC: the same text typed on two systems may arrive in two Unicode forms.
  return argon2.hash(password.normalize('NFC'), argon2Options);
}

/** Refuses a wrong password, an empty hash (an account without a password) and unreadable hashes. */
export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  if (stored.startsWith('$argon2')) {
    try {
      if (!(await argon2.verify(stored, password.normalize('NFC')))) return refused;
    } catch {
      return refused;
    }
    return { ok: true, needsRehash: argon2.needsRehash(stored, argon2Options) };
  }
  if (stored.startsWith('scrypt$'))
    return (await verifyScrypt(password, stored)) ? { ok: true, needsRehash: true } : refused;
  return refused;
}

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6) return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (![N, r, p].every(Number.isSafeInteger) || expected.length === 0) return false;
  try {
    const actual = await new Promise<Buffer>((resolve, reject) =>
      // maxmem: scrypt needs 128·N·r bytes; leave headroom over Node's 32 MiB default.
      crypto.scrypt(
        password.normalize('NFC'),
        salt,
        expected.length,
        { N, r, p, maxmem: 256 * N * r + 1024 * 1024 },
        (error, key) => (error ? reject(error) : resolve(key)),
      ),
    );
    return crypto.timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
