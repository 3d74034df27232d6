import { screen, type BrowserWindow } from 'electron';
import type { Timers } from '../../core';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_HEIGHT, MIN_WIDTH, createMainWindow } from './mainWindow';
import { placeWindow, type Rect, type WindowState } from './windowState';
import { trackWindowState } from './windowStateStore';

export type WindowManagerOptions = Readonly<{
  preloadPath: string;
  url: string;
  /** Where the window state is kept, and what it said at start. */
  stateFile: string;
  savedState: WindowState | null;
  timers: Timers;
  /** Whether closing the window only hides it (the app lives on in the tray or the Dock). */
  hideOnClose: () => boolean;
  onError: (event: string, error: unknown) => void;
  /** A new window exists (the tray re-applies its taskbar overlay). */
  onCreated?: (window: BrowserWindow) => void;
}>;

export type WindowManager = Readonly<{
  get(): BrowserWindow | null;
  /** Creates the window if needed; `visible: false` only loads it (a start at login). */
  open(visible: boolean): void;
  /** Brings the window up: restored, shown and focused. */
  show(): void;
  /** Whether the user is looking at the window right now. */
  isFocused(): boolean;
  /** From now on closing the window really closes it (quitting, installing an update). */
  allowClose(): void;
}>;

/** Work areas with the primary display first, as `placeWindow` expects. */
function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map(
    (display) => display.workArea,
  );
}

/**
 * Owns the one app window: placed where it was (fitted to the displays present now), its
 * state tracked, and hidden rather than closed while the app keeps running in the background.
 */
export function createWindowManager(options: WindowManagerOptions): WindowManager {
  let window: BrowserWindow | null = null;
  let closing = false;
  const live = (): BrowserWindow | null => (window !== null && !window.isDestroyed() ? window : null);

  const create = (visible: boolean): BrowserWindow => {
    const placement = placeWindow(options.savedState, workAreas(), {
      width: DEFAULT_WIDTH,
      height: DEFAULT_HEIGHT,
      minWidth: MIN_WIDTH,
      minHeight: MIN_HEIGHT,
    });
    const created = createMainWindow({
      preloadPath: options.preloadPath,
      url: options.url,
      bounds: placement.bounds,
      maximized: placement.maximized,
      showWhenReady: visible,
    });
    const stopTracking = trackWindowState(created, options.stateFile, {
      timers: options.timers,
      onError: (error) => options.onError('window-state-save-failed', error),
    });
    created.on('close', (event) => {
      if (closing || !options.hideOnClose()) return;
      event.preventDefault();
      created.hide();
    });
    created.on('closed', () => {
      stopTracking();
      if (window === created) window = null;
    });
    window = created;
    options.onCreated?.(created);
    return created;
  };

  const show = (): void => {
    const current = live();
    // A new window shows itself once it has painted.
    if (current === null) {
      create(true);
      return;
    }
    if (current.isMinimized()) current.restore();
    current.show();
    current.focus();
  };

  return Object.freeze({
    get: live,
    open(visible: boolean) {
      if (live() === null) create(visible);
      else if (visible) show();
    },
    show,
    isFocused() {
      const current = live();
      return current !== null && current.isVisible() && current.isFocused();
    },
    allowClose() {
      closing = true;
    },
  });
}
