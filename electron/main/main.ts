import path from 'node:path';
import { app, dialog } from 'electron';
import type { Navigation } from '../../shared/ipc/channels/app';
import { startDesktopShell, type DesktopShell } from './desktopShell';
import {
  findDeepLink,
  handOverFor,
  parseDeepLink,
  secondInstanceNavigation,
  DEEP_LINK_SCHEME,
} from './deepLinks/deepLink';
import { configureLogging, errorText, logError, logInfo } from './logging/log';
import { hardenWebContents, registerAppScheme } from './security';
import { shellText } from './shellText';
import { HIDDEN_ARG } from './system/loginItem';

/** The Windows app id: notifications and taskbar grouping go by it; electron-builder's appId. */
const APP_USER_MODEL_ID = 'im.tidings.desktop';

// Layout of the packaged app and of dist/: main.cjs and preload.cjs side by side, the
// renderer build next to them.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '..', 'renderer');

registerAppScheme();

// A development run keeps its own profile, so it never touches (or locks) the data of an
// installed Tidings on the same machine. Must precede the single-instance lock, which lives there.
if (!app.isPackaged) app.setPath('userData', path.join(app.getPath('appData'), `${app.getName()} Dev`));
configureLogging({ userDataDir: app.getPath('userData'), isPackaged: app.isPackaged });

let shell: DesktopShell | null = null;
/** Links that arrive before the shell is up (macOS delivers the launching link before ready). */
let early: Navigation | null = findDeepLink(process.argv);

function navigate(navigation: Navigation | null): void {
  if (shell !== null) shell.navigate(navigation);
  else if (navigation !== null) early = navigation;
}

async function start(): Promise<void> {
  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Windows and Linux learn the scheme from the installer too; this repairs a lost registration.
  // A development run never claims it from the installed app.
  if (app.isPackaged && !app.isDefaultProtocolClient(DEEP_LINK_SCHEME)) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
  const initial = early;
  shell = await startDesktopShell({
    preloadPath,
    rendererDir,
    startHidden: process.argv.includes(HIDDEN_ARG),
    initialNavigation: initial,
  });
  // A link that arrived while the shell was starting (macOS open-url) still counts.
  if (early !== initial && early !== null) shell.navigate(early);
  early = null;
  // macOS keeps the app alive without windows; clicking the Dock icon brings one back.
  app.on('activate', () => shell?.windows.show());
  logInfo('started', { version: app.getVersion(), packaged: app.isPackaged });
}

// Two instances would share one profile and one SQLite file; the second hands its link over and exits.
if (!app.requestSingleInstanceLock(handOverFor(process.argv))) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, _workingDirectory, additionalData) => {
    navigate(secondInstanceNavigation(argv, additionalData));
  });
  // macOS hands links to the running app (and the launching link, before ready) this way.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    navigate(parseDeepLink(url));
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('before-quit', () => shell?.windows.allowClose());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // `npm start` forwards Ctrl+C as SIGINT; quitting through the app runs the graceful close.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  start().catch((error: unknown) => {
    logError('startup-failed', error);
    dialog.showErrorBox(shellText.startupFailedTitle, errorText(error));
    app.exit(1);
  });
}
