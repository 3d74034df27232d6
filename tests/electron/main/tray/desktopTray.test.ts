import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const trays: FakeTray[] = [];
  class FakeImage {
    readonly representations: { scaleFactor: number; buffer: Buffer }[] = [];
    template = false;
    addRepresentation(representation: { scaleFactor: number; buffer: Buffer }): void {
      this.representations.push(representation);
    }
    setTemplateImage(value: boolean): void {
      this.template = value;
    }
  }
  class FakeTray {
    readonly listeners = new Map<string, () => void>();
    readonly setToolTip = vi.fn();
    readonly setTitle = vi.fn();
    readonly setImage = vi.fn();
    readonly setContextMenu = vi.fn();
    readonly destroy = vi.fn();
    constructor(readonly image: FakeImage) {
      trays.push(this);
    }
    on(event: string, listener: () => void): this {
      this.listeners.set(event, listener);
      return this;
    }
  }
  return {
    trays,
    module: {
      Tray: FakeTray,
      Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })) },
      nativeImage: { createEmpty: () => new FakeImage() },
      app: { setBadgeCount: vi.fn() },
    },
  };
});
vi.mock('electron', () => electron.module);

const { createDesktopTray } = await import('../../../../electron/main/tray/desktopTray');

function fakeWindow() {
  return { isDestroyed: () => false, setOverlayIcon: vi.fn() };
}

function setUp(platform: NodeJS.Platform, window = fakeWindow()) {
  const actions = { onOpen: vi.fn(), onToggleMuteAll: vi.fn(), onQuit: vi.fn() };
  const tray = createDesktopTray({
    platform,
    getWindow: () => window as unknown as BrowserWindow,
    ...actions,
  });
  const fake = electron.trays.at(-1);
  if (!fake) throw new Error('no tray');
  return { tray, fake, window, actions };
}

const menuIds = (fake: (typeof electron.trays)[number]): unknown[] => {
  const menu = fake.setContextMenu.mock.calls.at(-1)?.[0] as {
    template: { id?: string; checked?: boolean }[];
  };
  return menu.template.map((item) => [item.id, item.checked]);
};

beforeEach(() => {
  electron.module.app.setBadgeCount.mockClear();
});

describe('desktop tray', () => {
  it('on Windows: opens on click, puts a dot on the icon and the count on the taskbar', () => {
    const { tray, fake, window, actions } = setUp('win32');
    expect(fake.image.representations.map((r) => r.scaleFactor)).toEqual([1, 2]);
    fake.listeners.get('click')?.();
    expect(actions.onOpen).toHaveBeenCalledOnce();

    tray.setUnread(3);
    expect(fake.setToolTip).toHaveBeenLastCalledWith('Tidings — 3 unread messages');
    expect(fake.setImage).toHaveBeenCalledOnce();
    expect(window.setOverlayIcon).toHaveBeenLastCalledWith(expect.anything(), '3 unread');
    tray.setUnread(3);
    expect(window.setOverlayIcon).toHaveBeenCalledOnce();
    tray.setUnread(0);
    expect(window.setOverlayIcon).toHaveBeenLastCalledWith(null, '');
    expect(fake.setImage).toHaveBeenCalledTimes(2);
    expect(electron.module.app.setBadgeCount).not.toHaveBeenCalled();
    expect(fake.setTitle).not.toHaveBeenCalled();
  });

  it('on macOS: a template icon, the count as the title and on the Dock, the menu on click', () => {
    const { tray, fake } = setUp('darwin');
    expect(fake.image.template).toBe(true);
    expect(fake.listeners.has('click')).toBe(false);
    tray.setUnread(150);
    expect(fake.setTitle).toHaveBeenLastCalledWith('99+');
    expect(electron.module.app.setBadgeCount).toHaveBeenLastCalledWith(150);
    expect(fake.setImage).not.toHaveBeenCalled();
    tray.destroy();
    expect(electron.module.app.setBadgeCount).toHaveBeenLastCalledWith(0);
    expect(fake.destroy).toHaveBeenCalledOnce();
  });

  it('reflects mute-all in the menu, rebuilding it only on change', () => {
    const { tray, fake } = setUp('linux');
    expect(menuIds(fake)).toContainEqual(['mute-all', false]);
    tray.setMutedAll(true);
    tray.setMutedAll(true);
    expect(fake.setContextMenu).toHaveBeenCalledTimes(2);
    expect(menuIds(fake)).toContainEqual(['mute-all', true]);
  });

  it('re-applies the overlay to a new window', () => {
    const first = fakeWindow();
    let current = first;
    const tray = createDesktopTray({
      platform: 'win32',
      getWindow: () => current as unknown as BrowserWindow,
      onOpen: vi.fn(),
      onToggleMuteAll: vi.fn(),
      onQuit: vi.fn(),
    });
    tray.setUnread(2);
    current = fakeWindow();
    tray.windowChanged();
    expect(current.setOverlayIcon).toHaveBeenCalledWith(expect.anything(), '2 unread');
    expect(first.setOverlayIcon).toHaveBeenCalledOnce();
  });
});
