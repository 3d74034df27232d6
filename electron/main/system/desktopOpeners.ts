import fs from 'node:fs';
import { toExternalUrl } from '../security/externalUrl';

/** The parts of Electron's `shell` this module uses (injected, so tests run without Electron). */
export type ShellLike = Readonly<{
  openExternal(url: string): Promise<void>;
  /** Resolves to an error message, or '' on success (Electron's contract). */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}>;

export type DesktopOpeners = Readonly<{
  openExternal(url: string): Promise<boolean>;
  openMessageFile(messageId: string): Promise<boolean>;
  showMessageFile(messageId: string): Promise<boolean>;
}>;

/**
 * Opening things outside the app for the page. Links are limited to web and mail; files are
 * found by message through the engine (`localFile`), never taken as paths from the page, so a
 * compromised page cannot make the shell open an arbitrary file.
 */
export function createDesktopOpeners(
  shell: ShellLike,
  localFile: (messageId: string) => Promise<string | null>,
  onError: (event: string, error: unknown) => void,
): DesktopOpeners {
  const existing = async (messageId: string): Promise<string | null> => {
    const file = await localFile(messageId);
    return file !== null && fs.existsSync(file) ? file : null;
  };
  return {
    async openExternal(raw) {
      // The same vetting as links clicked in the page: parsed, http(s)/mailto only, no userinfo.
      const url = toExternalUrl(raw);
      if (url === null) return false;
      try {
        await shell.openExternal(url);
        return true;
      } catch (error) {
        onError('open-external-failed', error);
        return false;
      }
    },
    async openMessageFile(messageId) {
      const file = await existing(messageId);
      if (file === null) return false;
      const problem = await shell.openPath(file);
      if (problem !== '') onError('open-file-failed', new Error(problem));
      return problem === '';
    },
    async showMessageFile(messageId) {
      const file = await existing(messageId);
      if (file === null) return false;
      shell.showItemInFolder(file);
      return true;
    },
  };
}
