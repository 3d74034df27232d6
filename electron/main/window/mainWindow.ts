import { BrowserWindow, type Rectangle } from 'electron';
import { logError } from '../logging/log';

export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 480;
export const DEFAULT_WIDTH = 1100;
export const DEFAULT_HEIGHT = 720;

export type MainWindowOptions = Readonly<{
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** The app page to load: APP_ENTRY_URL. */
  url: string;
  /** Where the window was last time, already fitted to the current displays (windowState.ts). */
  bounds?: Partial<Rectangle> & Pick<Rectangle, 'width' | 'height'>;
  /** Reopen maximized (it was when the app last closed). */
  maximized?: boolean;
  /** False when the app started hidden at login: the window loads but stays in the tray. */
  showWhenReady?: boolean;
}>;

/**
 * The one app window. Every security-relevant preference is written out inline, not left to
 * defaults or built elsewhere, so a reviewer (and electronegativity) sees them here and a
 * future default change cannot loosen them.
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
export function createMainWindow({
  preloadPath,
  url,
  bounds,
  maximized = false,
  showWhenReady = true,
}: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: bounds?.width ?? DEFAULT_WIDTH,
    height: bounds?.height ?? DEFAULT_HEIGHT,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
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
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => {
    if (!showWhenReady) return;
    // maximize() also shows the window.
    if (maximized) window.maximize();
    else window.show();
  });
  window.loadURL(url).catch((error: unknown) => {
    // A window that never shows looks like an app that never started; show the failure instead.
    logError('renderer-load-failed', error);
    if (!window.isDestroyed()) window.show();
  });
  return window;
}
