import crypto from 'node:crypto';

/**
 * Password hashing with scrypt (node:crypto, no native add-on). The stored form names its
 * algorithm and parameters, `scrypt$N$r$p$salt$hash`, so a later switch to argon2 can verify
 * old hashes and rehash on login.
 */
const params = { N: 16_384, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(params.saltLength);
  const key = await scrypt(password, salt, params.keyLength, params.N, params.r, params.p);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** False for a wrong password or a hash this code cannot read; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (![N, r, p].every(Number.isSafeInteger) || expected.length === 0) return false;
  const actual = await scrypt(password, salt, expected.length, N, r, p);
  return crypto.timingSafeEqual(actual, expected);
}

function scrypt(
  password: string,
  salt: Buffer,
  keyLength: number,
  N: number,
  r: number,
  p: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128·N·r bytes; leave headroom over Node's 32 MiB default.
    crypto.scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { N, r, p, maxmem: 256 * N * r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
