import type { MenuItemConstructorOptions } from 'electron';
import { shellText } from '../shellText';

export type TrayMenuInput = Readonly<{
  /** Notifications are off (the `notifications.enabled` setting). */
  mutedAll: boolean;
  onOpen: () => void;
  onToggleMuteAll: (muted: boolean) => void;
  onQuit: () => void;
}>;

/** The tray icon's menu: open the window, mute every notification, quit. */
export function trayMenuTemplate({
  mutedAll,
  onOpen,
  onToggleMuteAll,
  onQuit,
}: TrayMenuInput): MenuItemConstructorOptions[] {
  return [
    { id: 'open', label: shellText.trayOpen, click: () => onOpen() },
    {
      id: 'mute-all',
      label: shellText.trayMuteAll,
      type: 'checkbox',
      checked: mutedAll,
      // Electron has flipped `checked` by the time click runs.
      click: (item) => onToggleMuteAll(item.checked),
    },
    { type: 'separator' },
    { id: 'quit', label: shellText.trayQuit, click: () => onQuit() },
  ];
}
