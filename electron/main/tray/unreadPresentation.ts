import { shellText } from '../shellText';
import { badgeLabel, shortBadgeLabel } from '../unread/badgeText';

/** How the unread count shows on one platform. */
export type UnreadPresentation = Readonly<{
  /** `app.setBadgeCount`: the Dock (macOS) and Unity-style launchers (Linux). */
  badgeCount: number;
  /** The Windows taskbar overlay's text (1–9, 9+); null removes the overlay. */
  overlayLabel: string | null;
  overlayDescription: string;
  trayTooltip: string;
  /** Text beside the macOS menu-bar icon; empty elsewhere. */
  trayTitle: string;
  /** The red dot on the colour tray icon (Windows, Linux). */
  trayDot: boolean;
}>;

export function unreadPresentation(count: number, platform: NodeJS.Platform): UnreadPresentation {
  const total = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
  return {
    badgeCount: platform === 'win32' ? 0 : total,
    overlayLabel: platform === 'win32' && total > 0 ? shortBadgeLabel(total) : null,
    overlayDescription: total > 0 ? shellText.overlayDescription(total) : '',
    trayTooltip: shellText.unreadTooltip(total),
    trayTitle: platform === 'darwin' ? badgeLabel(total) : '',
    trayDot: platform !== 'darwin' && total > 0,
  };
}
