import { loadAccountRecord, saveAccountRecord } from '../persist/accountRecord';

/**
 * Writes the new display name into account.json, so the next start shows it before the
 * server answers. Only when the stored record is still this user's (a sign-out may have won).
 */
export async function saveAccountDisplayName(
  dataDir: string,
  userId: string,
  displayName: string,
): Promise<void> {
  const record = await loadAccountRecord(dataDir);
  if (record === null || record.account.userId !== userId) return;
  if (record.account.displayName === displayName) return;
  await saveAccountRecord(dataDir, { ...record, account: { ...record.account, displayName } });
}
