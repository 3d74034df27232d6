import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { accountSchema, senseModeSchema, type Account, type SenseMode } from '../../../shared/ipc';
import type { SecretStore } from '../engineHost';
import { readJsonFile, writeJsonFileAtomic } from './jsonFile';

/**
 * The signed-in account, kept in the data dir so a restart signs in by itself. Tokens are not
 * in here: they live in the secret store.
 */
const recordSchema = z.object({
  version: z.literal(1),
  account: accountSchema,
  /** Basic mode's chosen sense mode. */
  senseMode: senseModeSchema.optional(),
  /** The server's first-login time, resent on every automatic re-login (the wire's duplicate-login rule). */
  firstLoginTime: z.number().nonnegative(),
});
export type AccountRecord = z.infer<typeof recordSchema>;

export type Credentials = Readonly<{ token: string; refreshToken: string | null }>;

const recordFile = (dataDir: string): string => path.join(dataDir, 'account.json');

export async function loadAccountRecord(dataDir: string): Promise<AccountRecord | null> {
  const read = await readJsonFile(recordFile(dataDir));
  if (read === undefined || read === 'damaged') return null;
  const parsed = recordSchema.safeParse(read.value);
  return parsed.success ? parsed.data : null;
}

export function saveAccountRecord(dataDir: string, record: AccountRecord): Promise<void> {
  return writeJsonFileAtomic(recordFile(dataDir), record);
}

export async function clearAccountRecord(dataDir: string): Promise<void> {
  await fs.rm(recordFile(dataDir), { force: true });
}

/**
 * The account's folder name under `accounts/`: the user id on a Tidings server (ids are the
 * server's own); in basic mode the gateway is part of it, since stock servers take any id.
 */
export function storageId(account: Pick<Account, 'userId' | 'serverUrl' | 'mode'>): string {
  if (account.mode === 'tidings') return account.userId;
  const gateway = createHash('sha256').update(account.serverUrl).digest('hex').slice(0, 12);
  return `basic-${gateway}-${account.userId}`;
}

const secretKey = (account: Account, name: 'token' | 'refresh'): string =>
  `tidings/${storageId(account)}/${name}`;

export async function loadCredentials(secrets: SecretStore, account: Account): Promise<Credentials | null> {
  const token = await secrets.get(secretKey(account, 'token'));
  if (token === null) return null;
  return { token, refreshToken: await secrets.get(secretKey(account, 'refresh')) };
}

export async function saveCredentials(
  secrets: SecretStore,
  account: Account,
  credentials: Credentials,
): Promise<void> {
  await secrets.set(secretKey(account, 'token'), credentials.token);
  if (credentials.refreshToken === null) await secrets.delete(secretKey(account, 'refresh'));
  else await secrets.set(secretKey(account, 'refresh'), credentials.refreshToken);
}

export async function clearCredentials(secrets: SecretStore, account: Account): Promise<void> {
  await secrets.delete(secretKey(account, 'token'));
  await secrets.delete(secretKey(account, 'refresh'));
}

export const isSenseMode = (value: unknown): value is SenseMode => senseModeSchema.safeParse(value).success;
