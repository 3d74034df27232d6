import fs from 'node:fs';
import { shell } from 'electron';
import { currentLogFile } from './log';

/** Shows the log file in the system file manager (for a bug report); false when there is none yet. */
export function revealLogs(): boolean {
  const file = currentLogFile();
  if (file === null || !fs.existsSync(file)) return false;
  shell.showItemInFolder(file);
  return true;
}
