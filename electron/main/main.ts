import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { createEngineHost } from '../core';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { APP_ENTRY_URL } from './appUrl';
import { SQLITE_BINDING_ENV, desktopEngineOptions } from './engineOptions';
import { forwardEngineEvents, registerIpcHandlers } from './ipc';
import { logError, logWarning } from './log';
import { createQuitGuard } from './quitGuard';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

// Layout of the packaged app and of dist/: main.cjs and preload.cjs side by side, the
// renderer build next to them.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '..', 'renderer');

registerAppScheme();

// A development run keeps its own profile, so it never touches (or locks) the data of an
// installed Tidings on the same machine. Must precede the single-instance lock, which lives there.
if (!app.isPackaged) app.setPath('userData', path.join(app.getPath('appData'), `${app.getName()} Dev`));

let mainWindow: BrowserWindow | null = null;
const getWindow = (): BrowserWindow | null => mainWindow;

function showWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({ preloadPath, url: APP_ENTRY_URL });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  serveAppProtocol(rendererDir);
  const options = desktopEngineOptions({
    userDataDir: app.getPath('userData'),
    isPackaged: app.isPackaged,
    env: process.env,
  });
  if (!app.isPackaged && options.sqliteNativeBinding === undefined) {
    // node_modules holds better-sqlite3 built for Node; opening a store would fail at sign-in.
    logWarning('sqlite-binding-missing', `${SQLITE_BINDING_ENV} is not set: launch with \`npm start\``);
  }
  const engine = createEngineHost(options);
  app.on(
    'before-quit',
    createQuitGuard({
      close: () => engine.close(),
      quit: () => app.quit(),
      onError: (error) => logError('engine-close-failed', error),
    }),
  );
  registerIpcHandlers(engine, getWindow);
  forwardEngineEvents(engine, getWindow);
  showWindow();
  // macOS keeps the app alive without windows; clicking the Dock icon brings one back.
  app.on('activate', showWindow);
}

// Two instances would share one profile and one SQLite file; the second hands over and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (app.isReady()) showWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // `npm start` forwards Ctrl+C as SIGINT; quitting through the app runs the graceful close.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  start().catch((error: unknown) => {
    logError('startup-failed', error);
    dialog.showErrorBox('Tidings could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
