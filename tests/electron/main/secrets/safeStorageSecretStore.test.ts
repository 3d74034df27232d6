import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createSafeStorageSecretStore,
  type Encryptor,
} from '../../../../electron/main/secrets/safeStorageSecretStore';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs('tidings-secrets-');

/** A reversible stand-in for the OS keyring: XOR with a key, tagged so another key fails to decrypt. */
function fakeKeyring(
  key: number,
  options: { available?: boolean; backend?: string | null; rotate?: boolean } = {},
) {
  const encryptor: Encryptor = {
    isAvailable: vi.fn(() => Promise.resolve(options.available ?? true)),
    encrypt: vi.fn((plain: string) =>
      Promise.resolve(
        Buffer.concat([Buffer.from([key]), Buffer.from(plain, 'utf8').map((byte) => byte ^ key)]),
      ),
    ),
    decrypt: vi.fn((encrypted: Buffer) => {
      if (encrypted[0] !== key) {
        return Promise.reject(
          new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'),
        );
      }
      return Promise.resolve({
        result: Buffer.from(encrypted.subarray(1).map((byte) => byte ^ key)).toString('utf8'),
        shouldReEncrypt: options.rotate ?? false,
      });
    }),
    backend: () => options.backend ?? null,
  };
  return encryptor;
}

function setUp(encryptor: Encryptor, dir = newDir()) {
  const file = path.join(dir, 'secrets.json');
  const warn = vi.fn();
  const store = createSafeStorageSecretStore({ file, encryptor, warn, now: () => 42 });
  return { store, file, warn, dir };
}

const TOKEN = 'access-token-7f3a';

describe('safeStorage secret store', () => {
  it('keeps only ciphertext on disk and reads it back in a later run', async () => {
    const first = setUp(fakeKeyring(7));
    await first.store.set('token', TOKEN);
    const onDisk = fs.readFileSync(first.file, 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(JSON.parse(onDisk)).toMatchObject({
      version: 1,
      secrets: { token: expect.any(String) as unknown },
    });
    expect((fs.statSync(first.file).mode & 0o777).toString(8)).toBe('600');

    const later = setUp(fakeKeyring(7), first.dir);
    expect(await later.store.get('token')).toBe(TOKEN);
    expect(await later.store.get('missing')).toBeNull();
    expect(later.warn).not.toHaveBeenCalled();
  });

  it('reads a secret the keyring can no longer decrypt as null, says so, and keeps it until replaced', async () => {
    const first = setUp(fakeKeyring(7));
    await first.store.set('token', TOKEN);
    const stored = fs.readFileSync(first.file, 'utf8');

    const changed = setUp(fakeKeyring(9), first.dir);
    expect(await changed.store.get('token')).toBeNull();
    expect(changed.warn).toHaveBeenCalledWith(
      'secret-undecryptable',
      expect.objectContaining({ key: 'token' }),
    );
    expect(JSON.stringify(changed.warn.mock.calls)).not.toContain(TOKEN);
    // Nothing deleted: a keyring that was only locked can still read it next time.
    expect(fs.readFileSync(first.file, 'utf8')).toBe(stored);

    // Signing in again stores a secret the new keyring reads.
    await changed.store.set('token', 'fresh-token');
    expect(await changed.store.get('token')).toBe('fresh-token');
  });

  it('re-encrypts when the keyring asks for it (a rotated key)', async () => {
    const first = setUp(fakeKeyring(7));
    await first.store.set('token', TOKEN);
    const old = fakeKeyring(7);
    const rotated = fakeKeyring(8);
    // The new key reads the old one's ciphertext once and asks for it to be re-encrypted.
    const rotating: Encryptor = {
      ...rotated,
      decrypt: async (encrypted) =>
        encrypted[0] === 7
          ? { ...(await old.decrypt(encrypted)), shouldReEncrypt: true }
          : rotated.decrypt(encrypted),
    };
    const again = setUp(rotating, first.dir);
    expect(await again.store.get('token')).toBe(TOKEN);
    const blob = (JSON.parse(fs.readFileSync(first.file, 'utf8')) as { secrets: { token: string } }).secrets
      .token;
    expect(Buffer.from(blob, 'base64')[0]).toBe(8);
    expect(await setUp(fakeKeyring(8), first.dir).store.get('token')).toBe(TOKEN);
  });

  it('never writes a secret in clear when encryption is unavailable: memory for this run only', async () => {
    const { store, file, warn, dir } = setUp(fakeKeyring(7, { available: false }));
    await store.set('token', TOKEN);
    expect(await store.get('token')).toBe(TOKEN);
    expect(fs.existsSync(file)).toBe(false);
    expect(warn).toHaveBeenCalledWith('secret-not-persisted', expect.objectContaining({ key: 'token' }));
    const nextRun = setUp(fakeKeyring(7, { available: false }), dir);
    expect(await nextRun.store.get('token')).toBeNull();
  });

  it('reads a stored secret as null while the keyring is unavailable', async () => {
    const first = setUp(fakeKeyring(7));
    await first.store.set('token', TOKEN);
    const locked = setUp(fakeKeyring(7, { available: false }), first.dir);
    expect(await locked.store.get('token')).toBeNull();
    expect(locked.warn).toHaveBeenCalledWith('secret-store-unavailable', { key: 'token' });
  });

  it('moves an unreadable secrets file aside instead of losing it silently', async () => {
    const { store, file, warn, dir } = setUp(fakeKeyring(7));
    fs.writeFileSync(file, '{"version":1,"secrets":{"token":"not base64!"}}');
    expect(await store.get('token')).toBeNull();
    expect(warn).toHaveBeenCalledWith('secret-store-file-invalid', { movedTo: `${file}.invalid-42` });
    expect(fs.readdirSync(dir).sort()).toEqual(['secrets.json.invalid-42']);
    await store.set('token', TOKEN);
    expect(await store.get('token')).toBe(TOKEN);
  });

  it('deletes, and serializes concurrent writes', async () => {
    const { store, dir } = setUp(fakeKeyring(7));
    await Promise.all(['a', 'b', 'c', 'd'].map((key) => store.set(key, `value-${key}`)));
    await store.delete('b');
    const later = setUp(fakeKeyring(7), dir);
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((key) => later.store.get(key)))).toEqual([
      'value-a',
      null,
      'value-c',
      'value-d',
    ]);
  });

  it('warns once when Linux has no keyring and uses the built-in key', async () => {
    const { store, warn } = setUp(fakeKeyring(7, { backend: 'basic_text' }));
    await store.set('a', '1');
    await store.set('b', '2');
    expect(warn.mock.calls.filter(([event]) => event === 'secret-store-weak')).toHaveLength(1);
  });
});
