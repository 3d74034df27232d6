/**
 * Every sentence the main process shows (tray, notifications, dialogs), in one place so a
 * translation replaces one object. The page has its own texts.
 */
export const shellText = Object.freeze({
  appName: 'Tidings',
  newMessages: (count: number): string => (count === 1 ? 'New message' : `${count} new messages`),
  groupNotice: 'The group changed',
  unreadTooltip: (count: number): string =>
    count === 0 ? 'Tidings' : `Tidings — ${count} unread ${count === 1 ? 'message' : 'messages'}`,
  overlayDescription: (count: number): string => `${count} unread`,
  trayOpen: 'Open Tidings',
  trayMuteAll: 'Mute all notifications',
  trayQuit: 'Quit Tidings',
  updateReadyTitle: 'Update ready',
  updateReadyMessage: (version: string): string =>
    `Tidings ${version} has been downloaded. Restart now to install it?`,
  updateRestart: 'Restart now',
  updateLater: 'Later',
  updateFailed: 'Tidings could not check for updates. It will try again later.',
  updateDownloadFailed: 'The update could not be downloaded. Tidings will try again later.',
  startupFailedTitle: 'Tidings could not start',
});
