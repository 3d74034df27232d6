import { safeStorage } from 'electron';
import type { Encryptor } from './safeStorageSecretStore';

/** Electron's safeStorage, asynchronous API (the synchronous one is deprecated). Use after `ready`. */
export const electronEncryptor: Encryptor = Object.freeze({
  isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
  encrypt: (plainText: string) => safeStorage.encryptStringAsync(plainText),
  decrypt: (encrypted: Buffer) => safeStorage.decryptStringAsync(encrypted),
  backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null),
});
