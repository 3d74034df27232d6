import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app } from 'electron';
import { loginItemPlan } from './loginItem';

/**
 * Makes the OS start Tidings at login, or stops it, per the `startAtLogin` setting. Only a
 * packaged app registers itself: a development run would register the bare Electron binary.
 */
export async function applyStartAtLogin(enabled: boolean): Promise<void> {
  if (!app.isPackaged) return;
  const plan = loginItemPlan({
    enabled,
    platform: process.platform,
    execPath: process.execPath,
    env: process.env,
    homeDir: os.homedir(),
  });
  if (plan.kind === 'login-item') {
    app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, args: [...plan.args] });
    return;
  }
  if (plan.content === null) {
    await fs.promises.rm(plan.file, { force: true });
    return;
  }
  await fs.promises.mkdir(path.dirname(plan.file), { recursive: true });
  await fs.promises.writeFile(plan.file, plan.content, { mode: 0o644 });
}
