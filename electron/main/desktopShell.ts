import path from 'node:path';
import { app, powerMonitor, session, shell } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Navigation } from '../../shared/ipc/channels/app';
import { createEngineHost, type EngineHost } from '../core';
import { createNavigationInbox, type NavigationInbox } from './deepLinks/navigationInbox';
import { SQLITE_BINDING_ENV, desktopEngineOptions } from './engineOptions';
import { createShellDispatch } from './ipc/shellDispatch';
import { createShellHandlers } from './ipc/shellHandlers';
import { forwardEngineEvents, registerIpcHandlers, sendToWindow } from './ipc/ipc';
import { createEngineLogger } from './logging/engineLogger';
import { appLog, logError, logWarning } from './logging/log';
import { revealLogs } from './logging/revealLogs';
import { createMessageNotifier } from './notifications/messageNotifier';
import { createNativeNotifications } from './notifications/nativeNotifications';
import { createQuitGuard } from './quitGuard';
import { electronEncryptor } from './secrets/electronEncryptor';
import { createSafeStorageSecretStore } from './secrets/safeStorageSecretStore';
import { APP_ENTRY_URL, hardenSession, serveAppProtocol } from './security';
import { createSettingsSource } from './settings/shellSettings';
import { createDesktopOpeners } from './system/desktopOpeners';
import { applyStartAtLogin } from './system/startAtLogin';
import { forwardSystemEvents } from './system/systemEvents';
import { nodeTimers } from './system/timers';
import { createDesktopTray, type DesktopTray } from './tray/desktopTray';
import { followConversations } from './unread/conversationFeed';
import { createConversationTracker } from './unread/conversationTracker';
import { promptRestart } from './update/restartPrompt';
import { createUpdateController } from './update/updateController';
import { createWindowManager, type WindowManager } from './window/windowManager';
import { loadWindowState, windowStateFile } from './window/windowStateStore';

const isPreventable = (value: unknown): value is { preventDefault(): void } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { preventDefault?: unknown }).preventDefault === 'function';

export type DesktopShellOptions = Readonly<{
  preloadPath: string;
  rendererDir: string;
  /** Launched at login: stay in the tray until asked. */
  startHidden: boolean;
  /** A navigation the launch itself asked for (a link on the command line). */
  initialNavigation: Navigation | null;
}>;

export type DesktopShell = Readonly<{
  engine: EngineHost;
  windows: WindowManager;
  navigation: NavigationInbox;
  /** Brings the window up and hands it a navigation (a link, a notification click). */
  navigate(navigation: Navigation | null): void;
}>;

/** Where the engine keeps a message's file on this computer, or null. */
async function messageFilePath(engine: EngineHost, messageId: string): Promise<string | null> {
  const result = await engine.dispatch('files:get', { messageId });
  if (!result.ok) return null;
  const value = result.value as { path?: unknown };
  return typeof value.path === 'string' ? value.path : null;
}

/** Everything the app does once Electron is ready. Call once. */
export async function startDesktopShell({
  preloadPath,
  rendererDir,
  startHidden,
  initialNavigation,
}: DesktopShellOptions): Promise<DesktopShell> {
  const userDataDir = app.getPath('userData');
  hardenSession(session.defaultSession);
  serveAppProtocol(rendererDir);

  const options = desktopEngineOptions({ userDataDir, isPackaged: app.isPackaged, env: process.env });
  if (!app.isPackaged && options.sqliteNativeBinding === undefined) {
    // node_modules holds better-sqlite3 built for Node; opening a store would fail at sign-in.
    logWarning('sqlite-binding-missing', `${SQLITE_BINDING_ENV} is not set: launch with \`npm start\``);
  }
  const engine = createEngineHost({
    ...options,
    logger: createEngineLogger(),
    secretStore: createSafeStorageSecretStore({
      file: path.join(userDataDir, 'secrets.json'),
      encryptor: electronEncryptor,
      warn: (event, fields) => logWarning(event, fields.message ?? 'see fields', fields),
    }),
  });

  let tray: DesktopTray | null = null;
  const windows = createWindowManager({
    preloadPath,
    url: APP_ENTRY_URL,
    stateFile: windowStateFile(userDataDir),
    savedState: await loadWindowState(windowStateFile(userDataDir)),
    timers: nodeTimers,
    // Without a tray on Windows or Linux, a hidden window could never come back.
    hideOnClose: () => tray !== null || process.platform === 'darwin',
    onError: logError,
    onCreated: () => tray?.windowChanged(),
  });
  const getWindow = windows.get;
  const navigation = createNavigationInbox(() => sendToWindow(getWindow, 'app:navigationRequested', {}));
  const navigate = (next: Navigation | null): void => {
    if (next !== null) navigation.push(next);
    windows.show();
  };

  const settings = createSettingsSource(engine, logError);
  autoUpdater.logger = appLog.scope('update');
  const updates = createUpdateController({
    updater: autoUpdater,
    currentVersion: app.getVersion(),
    channel: settings.current().updateChannel,
    disabledReason: app.isPackaged ? null : 'A development run does not update itself.',
    timers: nodeTimers,
    now: Date.now,
    promptRestart,
    beforeInstall: () => windows.allowClose(),
    onError: logError,
  });

  app.on(
    'before-quit',
    createQuitGuard({
      close: async () => {
        updates.stop();
        await engine.close();
      },
      quit: () => app.quit(),
      onError: (error) => logError('engine-close-failed', error),
    }),
  );
  registerIpcHandlers(
    engine,
    getWindow,
    createShellDispatch(
      createShellHandlers({
        updates,
        navigation,
        revealLogs,
        openers: createDesktopOpeners(shell, (messageId) => messageFilePath(engine, messageId), logError),
      }),
      logError,
    ),
  );
  forwardEngineEvents(engine, getWindow);
  updates.onChange((state) => sendToWindow(getWindow, 'update:changed', state));

  try {
    tray = createDesktopTray({
      platform: process.platform,
      getWindow,
      onOpen: () => windows.show(),
      onToggleMuteAll: (muted) => {
        settings
          .update({ notifications: { enabled: !muted } })
          .catch((error: unknown) => logError('mute-all-failed', error));
      },
      onQuit: () => app.quit(),
    });
  } catch (error) {
    // Some Linux desktops have no tray; the app then quits when its window closes.
    logError('tray-unavailable', error);
  }
  const tracker = createConversationTracker();
  followConversations(engine, tracker, {
    onTotal: (total) => tray?.setUnread(total),
    onChanges: createMessageNotifier({
      settings: settings.current,
      isWindowFocused: windows.isFocused,
      now: Date.now,
      show: createNativeNotifications(),
      openConversation: (conversationId) => navigate({ kind: 'conversation', conversationId }),
    }),
    onError: logError,
  });

  let loginItem: boolean | null = null;
  settings.onChange((current) => {
    tray?.setMutedAll(!current.notifications.enabled);
    updates.setChannel(current.updateChannel);
    if (current.startAtLogin !== loginItem) {
      loginItem = current.startAtLogin;
      applyStartAtLogin(current.startAtLogin).catch((error: unknown) =>
        logError('start-at-login-failed', error),
      );
    }
  });
  settings.refresh().catch((error: unknown) => logError('settings-read-failed', error));

  forwardSystemEvents(engine, nodeTimers);
  // Linux and macOS: hold a shutdown or reboot until the outbox is flushed and the database closed.
  // Electron's typings omit the event this listener receives (the docs call preventDefault on it).
  powerMonitor.on('shutdown', (...args: unknown[]) => {
    if (isPreventable(args[0])) args[0].preventDefault();
    app.quit();
  });

  if (initialNavigation !== null) navigation.push(initialNavigation);
  windows.open(!(startHidden && tray !== null));
  updates.start();
  return Object.freeze({ engine, windows, navigation, navigate });
}
