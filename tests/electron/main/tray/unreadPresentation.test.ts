import { describe, expect, it } from 'vitest';
import { unreadPresentation } from '../../../../electron/main/tray/unreadPresentation';

describe('unread presentation', () => {
  it('uses the Dock badge and the menu-bar title on macOS', () => {
    expect(unreadPresentation(120, 'darwin')).toMatchObject({
      badgeCount: 120,
      overlayLabel: null,
      trayTitle: '99+',
      trayDot: false,
      trayTooltip: 'Tidings — 120 unread messages',
    });
  });

  it('uses the taskbar overlay and the tray dot on Windows', () => {
    expect(unreadPresentation(12, 'win32')).toMatchObject({
      badgeCount: 0,
      overlayLabel: '9+',
      overlayDescription: '12 unread',
      trayTitle: '',
      trayDot: true,
    });
  });

  it('uses the launcher badge and the tray dot on Linux', () => {
    expect(unreadPresentation(1, 'linux')).toMatchObject({
      badgeCount: 1,
      overlayLabel: null,
      trayDot: true,
      trayTooltip: 'Tidings — 1 unread message',
    });
  });

  it('clears everything at zero', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(unreadPresentation(0, platform)).toEqual({
        badgeCount: 0,
        overlayLabel: null,
        overlayDescription: '',
        trayTooltip: 'Tidings',
        trayTitle: '',
        trayDot: false,
      });
    }
    expect(unreadPresentation(-3, 'linux').badgeCount).toBe(0);
  });
});
