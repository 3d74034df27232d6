import fs from 'node:fs';
import { z } from 'zod';
import type { SecretStore } from '../../core/engineHost';
import { readJsonFile, writeJsonFile } from '../files/jsonFile';

/** The slice of Electron's safeStorage the store uses (async API), as a seam for tests. */
export type Encryptor = Readonly<{
  isAvailable(): Promise<boolean>;
  encrypt(plainText: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<Readonly<{ result: string; shouldReEncrypt: boolean }>>;
  /** Linux: the keyring in use; 'basic_text' means a built-in key, not the user's keyring. */
  backend(): string | null;
}>;

export type SecretStoreWarn = (event: string, fields: Readonly<Record<string, string>>) => void;

export type SafeStorageSecretStoreOptions = Readonly<{
  /** `<userData>/secrets.json`: base64 ciphertexts by key, nothing in clear. */
  file: string;
  encryptor: Encryptor;
  warn: SecretStoreWarn;
  now?: () => number;
}>;

const fileSchema = z.object({
  version: z.literal(1),
  secrets: z.record(z.string(), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});

/**
 * The engine's secret store on Electron's safeStorage (Keychain, DPAPI, libsecret/KWallet).
 *
 * Recovery when the OS keyring changes: a secret that no longer decrypts (a new keyring, a
 * restored profile on another machine) reads as null and is logged, so the engine asks the
 * user to sign in again; the ciphertext stays on disk until that sign-in replaces it, in case
 * the keyring was only locked. Nothing else depends on these secrets: messages and settings
 * live in the database and survive. A secrets file that is not valid is moved aside (never
 * silently deleted). When encryption is not available at all, secrets are kept in memory for
 * this run only: nothing is ever written in clear.
 */
export function createSafeStorageSecretStore({
  file,
  encryptor,
  warn,
  now = Date.now,
}: SafeStorageSecretStoreOptions): SecretStore {
  let secrets: Map<string, string> | null = null;
  const memoryOnly = new Map<string, string>();
  let warnedWeak = false;
  // One operation at a time: read-modify-write of one small file.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = queue.then(operation, operation);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (): Promise<Map<string, string>> => {
    if (secrets !== null) return secrets;
    const read = await readJsonFile(file);
    secrets = new Map();
    if (read.kind === 'ok') {
      const parsed = fileSchema.safeParse(read.value);
      if (parsed.success) {
        for (const [key, value] of Object.entries(parsed.data.secrets)) secrets.set(key, value);
        return secrets;
      }
    }
    if (read.kind !== 'missing') {
      const aside = `${file}.invalid-${now()}`;
      await fs.promises.rename(file, aside).catch(() => undefined);
      warn('secret-store-file-invalid', { movedTo: aside });
    }
    return secrets;
  };
  const save = (map: Map<string, string>): Promise<void> =>
    writeJsonFile(file, { version: 1, secrets: Object.fromEntries(map) });

  const available = async (): Promise<boolean> => {
    const ok = await encryptor.isAvailable();
    if (ok && !warnedWeak && encryptor.backend() === 'basic_text') {
      warnedWeak = true;
      warn('secret-store-weak', {
        backend: 'basic_text',
        message: 'no keyring found: secrets are protected by file permissions only',
      });
    }
    return ok;
  };

  return Object.freeze({
    get: (key: string) =>
      serial(async () => {
        if (memoryOnly.has(key)) return memoryOnly.get(key) ?? null;
        const map = await load();
        const stored = map.get(key);
        if (stored === undefined) return null;
        if (!(await available())) {
          warn('secret-store-unavailable', { key });
          return null;
        }
        let decrypted: Readonly<{ result: string; shouldReEncrypt: boolean }>;
        try {
          decrypted = await encryptor.decrypt(Buffer.from(stored, 'base64'));
        } catch (error) {
          warn('secret-undecryptable', {
            key,
            error: error instanceof Error ? error.message : String(error),
          });
          return null;
        }
        if (decrypted.shouldReEncrypt) {
          try {
            map.set(key, (await encryptor.encrypt(decrypted.result)).toString('base64'));
            await save(map);
          } catch (error) {
            warn('secret-reencrypt-failed', {
              key,
              error: error instanceof Error ? error.message : String(error),
            });
          }
        }
        return decrypted.result;
      }),
    set: (key: string, value: string) =>
      serial(async () => {
        const map = await load();
        if (!(await available())) {
          memoryOnly.set(key, value);
          warn('secret-not-persisted', {
            key,
            message: 'encryption is not available: kept for this run only',
          });
          if (map.delete(key)) await save(map);
          return;
        }
        memoryOnly.delete(key);
        map.set(key, (await encryptor.encrypt(value)).toString('base64'));
        await save(map);
      }),
    delete: (key: string) =>
      serial(async () => {
        memoryOnly.delete(key);
        const map = await load();
        if (map.delete(key)) await save(map);
      }),
  });
}
