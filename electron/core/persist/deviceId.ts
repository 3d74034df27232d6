import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile } from './jsonFile';

const deviceSchema = z.object({ deviceId: z.string().min(1).max(128) });

/**
 * This installation's device id: one per data dir, for every account signed in from it, so
 * the server sees one device however often it reconnects. Created on first use; concurrent
 * first uses (two CLI processes) agree because only one exclusive create can win.
 */
export async function loadDeviceId(dataDir: string, generate: () => string): Promise<string> {
  const file = path.join(dataDir, 'device.json');
  const existing = await readJsonFile(file);
  if (existing !== undefined && existing !== 'damaged') {
    const parsed = deviceSchema.safeParse(existing.value);
    if (parsed.success) return parsed.data.deviceId;
  }
  await fs.mkdir(dataDir, { recursive: true });
  const fresh = { deviceId: generate() };
  try {
    await fs.writeFile(file, `${JSON.stringify(fresh)}\n`, { flag: existing === 'damaged' ? 'w' : 'wx' });
    return fresh.deviceId;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readJsonFile(file);
    const parsed = winner !== undefined && winner !== 'damaged' ? deviceSchema.safeParse(winner.value) : null;
    if (parsed?.success) return parsed.data.deviceId;
    throw new Error(`device id file ${file} is unreadable`, { cause: error });
  }
}
