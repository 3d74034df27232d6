import { Menu, Tray, app, type BrowserWindow } from 'electron';
import { overlayImage, trayImage } from '../images/nativeIcons';
import { trayMenuTemplate } from './trayMenu';
import { unreadPresentation } from './unreadPresentation';

export type DesktopTrayOptions = Readonly<{
  platform: NodeJS.Platform;
  getWindow: () => BrowserWindow | null;
  onOpen: () => void;
  onToggleMuteAll: (muted: boolean) => void;
  onQuit: () => void;
}>;

export type DesktopTray = Readonly<{
  /** Shows the unread total on the tray icon, the Dock/launcher badge and the taskbar overlay. */
  setUnread(count: number): void;
  /** Reflects the mute-all state in the menu. */
  setMutedAll(muted: boolean): void;
  /** A new window was created: it needs its taskbar overlay again. */
  windowChanged(): void;
  destroy(): void;
}>;

/**
 * The tray icon with its menu, and the badges. Images are redrawn only when what they show
 * changes (Windows re-renders the taskbar on every overlay call).
 */
export function createDesktopTray({
  platform,
  getWindow,
  onOpen,
  onToggleMuteAll,
  onQuit,
}: DesktopTrayOptions): DesktopTray {
  const tray = new Tray(trayImage(platform, false));
  let count = 0;
  let mutedAll = false;
  let shownDot = false;
  let shownOverlay: string | null = null;
  const rebuildMenu = (): void => {
    tray.setContextMenu(
      Menu.buildFromTemplate(trayMenuTemplate({ mutedAll, onOpen, onToggleMuteAll, onQuit })),
    );
  };
  const render = (): void => {
    const look = unreadPresentation(count, platform);
    tray.setToolTip(look.trayTooltip);
    if (platform === 'darwin') tray.setTitle(look.trayTitle);
    if (look.trayDot !== shownDot) {
      tray.setImage(trayImage(platform, look.trayDot));
      shownDot = look.trayDot;
    }
    if (platform !== 'win32') app.setBadgeCount(look.badgeCount);
    const window = getWindow();
    if (
      platform === 'win32' &&
      window !== null &&
      !window.isDestroyed() &&
      look.overlayLabel !== shownOverlay
    ) {
      window.setOverlayIcon(
        look.overlayLabel === null ? null : overlayImage(look.overlayLabel),
        look.overlayDescription,
      );
      shownOverlay = look.overlayLabel;
    }
  };
  // Windows and Linux open the window on a click; macOS shows the menu, as menu-bar items do.
  if (platform !== 'darwin') tray.on('click', () => onOpen());
  rebuildMenu();
  render();
  return Object.freeze({
    setUnread(next: number) {
      count = next;
      render();
    },
    setMutedAll(muted: boolean) {
      if (muted === mutedAll) return;
      mutedAll = muted;
      rebuildMenu();
    },
    windowChanged() {
      shownOverlay = null;
      render();
    },
    destroy() {
      if (platform !== 'win32') app.setBadgeCount(0);
      tray.destroy();
    },
  });
}
