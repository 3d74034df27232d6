import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const AUTH_SECRET_FILE = 'auth-secret';
const SECRET_BYTES = 32;

export type LoadedSecret = Readonly<{
  secret: Buffer;
  created: boolean;
  /** The file was readable by others and has been narrowed to 0600. */
  repairedMode: boolean;
}>;

/**
 * The key that signs access tokens: 32 random bytes, created on first start in
 * `<dataDir>/auth-secret` with mode 0600. It lives beside the database rather than in it, so a
 * copy of the database alone cannot mint tokens. Deleting the file signs everyone out.
 */
export function loadOrCreateAuthSecret(dataDir: string): LoadedSecret {
  const file = path.join(dataDir, AUTH_SECRET_FILE);
  try {
    // 'wx' fails if the file exists, so two servers starting at once cannot both create one.
    const fd = fs.openSync(file, 'wx', 0o600);
    const secret = crypto.randomBytes(SECRET_BYTES);
    try {
      fs.writeSync(fd, secret.toString('base64url'));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return { secret, created: true, repairedMode: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let repairedMode = false;
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    fs.chmodSync(file, 0o600);
    repairedMode = true;
  }
  const secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  if (secret.length < SECRET_BYTES) throw new Error(`${file} does not hold a ${SECRET_BYTES}-byte key`);
  return { secret, created: false, repairedMode };
}
