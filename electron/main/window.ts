import { BrowserWindow } from 'electron';
import { logError } from './log';

export type MainWindowOptions = Readonly<{
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** The app page to load: APP_ENTRY_URL. */
  url: string;
}>;

/**
 * The one app window. Every security-relevant preference is written out, not left to
 * defaults, so a reviewer sees them here and a future default change cannot loosen them.
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
export function createMainWindow({ preloadPath, url }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 720,
    minWidth: 720,
    minHeight: 480,
    title: 'Tidings',
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => {
    // A window that never shows looks like an app that never started; show the failure instead.
    logError('renderer-load-failed', error);
    if (!window.isDestroyed()) window.show();
  });
  return window;
}
