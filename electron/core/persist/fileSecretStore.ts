import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SecretStore } from '../engineHost';
import { createSerialQueue, readJsonFile, writeJsonFileAtomic } from './jsonFile';

const secretsSchema = z.record(z.string(), z.string());

/**
 * The CLI's and the bridge's secret store: a JSON file readable only by its owner (0600) in
 * the data dir. As safe as the user's account; the desktop app uses the OS keyring instead.
 */
export function createFileSecretStore(dataDir: string): SecretStore {
  const file = path.join(dataDir, 'secrets.json');
  const serial = createSerialQueue();

  const readAll = async (): Promise<Record<string, string>> => {
    const read = await readJsonFile(file);
    if (read === undefined || read === 'damaged') return {};
    const parsed = secretsSchema.safeParse(read.value);
    return parsed.success ? parsed.data : {};
  };
  const writeAll = async (secrets: Record<string, string>): Promise<void> => {
    await writeJsonFileAtomic(file, secrets, 0o600);
    // A file created by an older version, or copied in, may have looser rights.
    await fs.chmod(file, 0o600).catch(() => undefined);
  };

  return Object.freeze({
    get: async (key: string) => (await readAll())[key] ?? null,
    set: (key: string, value: string) =>
      serial(async () => {
        const secrets = await readAll();
        secrets[key] = value;
        await writeAll(secrets);
      }),
    delete: (key: string) =>
      serial(async () => {
        const secrets = await readAll();
        if (!(key in secrets)) return;
        delete secrets[key];
        await writeAll(secrets);
      }),
  });
}
