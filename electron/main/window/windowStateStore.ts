import path from 'node:path';
import type { BrowserWindow } from 'electron';
import type { Timers } from '../../core';
import { readJsonFile, writeJsonFile, writeJsonFileSync } from '../files/jsonFile';
import { parseWindowState, serializeWindowState, type WindowState } from './windowState';

export const windowStateFile = (userDataDir: string): string => path.join(userDataDir, 'window-state.json');

/** The saved state, or null when there is none worth using. */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  const read = await readJsonFile(file);
  return read.kind === 'ok' ? parseWindowState(read.value) : null;
}

/** The parts of BrowserWindow the tracker reads. */
type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'getNormalBounds' | 'isMaximized' | 'isFullScreen' | 'isDestroyed'
>;

export type TrackOptions = Readonly<{
  timers: Timers;
  onError: (error: unknown) => void;
  /** Moves and resizes come in bursts; one write after they settle. */
  debounceMs?: number;
}>;

function snapshot(window: TrackedWindow): WindowState {
  // getNormalBounds: the size the window returns to when un-maximized, which is what to reopen with.
  return { bounds: window.getNormalBounds(), maximized: window.isMaximized() || window.isFullScreen() };
}

/**
 * Saves the window's bounds and maximized state as they change, and once more, synchronously,
 * when it closes (the process may exit right after). Returns a function that stops tracking.
 */
export function trackWindowState(
  window: TrackedWindow,
  file: string,
  { timers, onError, debounceMs = 750 }: TrackOptions,
): () => void {
  let pending: ReturnType<Timers['setTimeout']> | null = null;
  let stopped = false;
  const cancel = (): void => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  const saveSoon = (): void => {
    if (stopped) return;
    cancel();
    pending = timers.setTimeout(() => {
      pending = null;
      if (stopped || window.isDestroyed()) return;
      writeJsonFile(file, serializeWindowState(snapshot(window))).catch(onError);
    }, debounceMs);
  };
  const saveNow = (): void => {
    cancel();
    if (stopped || window.isDestroyed()) return;
    try {
      writeJsonFileSync(file, serializeWindowState(snapshot(window)));
    } catch (error) {
      onError(error);
    }
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', saveNow);
  return () => {
    cancel();
    stopped = true;
  };
}
