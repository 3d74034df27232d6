import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createManualTime } from '../../core/helpers/manualTime';
import { useTempDirs } from '../helpers/tempDirs';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const created: FakeWindow[] = [];
  class FakeWindow {
    readonly listeners = new Map<string, Listener[]>();
    readonly onceListeners = new Map<string, Listener>();
    readonly hide = vi.fn(() => (this.visible = false));
    readonly show = vi.fn(() => (this.visible = true));
    readonly focus = vi.fn(() => (this.focused = true));
    readonly restore = vi.fn(() => (this.minimized = false));
    readonly maximize = vi.fn();
    visible = false;
    focused = false;
    minimized = false;
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      created.push(this);
    }
    loadURL = vi.fn(async () => {});
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener): this {
      this.onceListeners.set(event, listener);
      return this;
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    /** What Electron does on close: listeners may prevent it, otherwise the window is gone. */
    close(): void {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.destroyed = true;
      this.emit('closed');
    }
    getNormalBounds = () => ({ x: 0, y: 0, width: 800, height: 600 });
    isMaximized = () => false;
    isFullScreen = () => false;
    isMinimized = () => this.minimized;
    isVisible = () => this.visible;
    isFocused = () => this.focused;
    isDestroyed = () => this.destroyed;
  }
  const display = (id: number, x: number) => ({ id, workArea: { x, y: 0, width: 1920, height: 1080 } });
  return {
    created,
    module: {
      BrowserWindow: FakeWindow,
      screen: {
        getPrimaryDisplay: () => display(1, 0),
        getAllDisplays: () => [display(2, 1920), display(1, 0)],
      },
    },
  };
});
vi.mock('electron', () => electron.module);

const { createWindowManager } = await import('../../../../electron/main/window/windowManager');
const newDir = useTempDirs('tidings-windows-');

function setUp(hideOnClose = true) {
  const onCreated = vi.fn();
  const manager = createWindowManager({
    preloadPath: '/app/preload.cjs',
    url: 'app://tidings/index.html',
    stateFile: path.join(newDir(), 'window-state.json'),
    savedState: { bounds: { x: 2000, y: 100, width: 1000, height: 700 }, maximized: false },
    timers: createManualTime(),
    hideOnClose: () => hideOnClose,
    onError: vi.fn(),
    onCreated,
  });
  return { manager, onCreated };
}

const lastWindow = () => {
  const window = electron.created.at(-1);
  if (!window) throw new Error('no window');
  return window;
};

describe('window manager', () => {
  it('opens the window where it was, on the display it was on', () => {
    const { manager, onCreated } = setUp();
    manager.open(true);
    expect(lastWindow().options).toMatchObject({ x: 2000, y: 100, width: 1000, height: 700 });
    expect(onCreated).toHaveBeenCalledOnce();
    expect(manager.get()).not.toBeNull();
  });

  it('hides instead of closing while the app keeps running, and closes for real when quitting', () => {
    const { manager } = setUp();
    manager.open(true);
    const window = lastWindow();
    window.visible = true;
    window.close();
    expect(window.hide).toHaveBeenCalledOnce();
    expect(manager.get()).toBe(window);
    manager.show();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    manager.allowClose();
    window.close();
    expect(manager.get()).toBeNull();
  });

  it('closes when there is nowhere to hide, and makes a new window when shown again', () => {
    const { manager, onCreated } = setUp(false);
    manager.open(true);
    const first = lastWindow();
    first.close();
    expect(manager.get()).toBeNull();
    manager.show();
    expect(lastWindow()).not.toBe(first);
    expect(onCreated).toHaveBeenCalledTimes(2);
  });

  it('loads without showing when started in the tray, and restores a minimized window', () => {
    const { manager } = setUp();
    manager.open(false);
    const window = lastWindow();
    window.onceListeners.get('ready-to-show')?.();
    expect(window.show).not.toHaveBeenCalled();
    window.minimized = true;
    manager.show();
    expect(window.restore).toHaveBeenCalledOnce();
  });

  it('counts as focused only when visible and focused', () => {
    const { manager } = setUp();
    expect(manager.isFocused()).toBe(false);
    manager.open(true);
    const window = lastWindow();
    window.focused = true;
    expect(manager.isFocused()).toBe(false);
    window.visible = true;
    expect(manager.isFocused()).toBe(true);
  });
});
