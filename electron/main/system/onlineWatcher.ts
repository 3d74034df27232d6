import type { Timers } from '../../core';

export type OnlineWatcherOptions = Readonly<{
  /** `net.isOnline()`: whether the OS has a network connection (not whether the server answers). */
  isOnline: () => boolean;
  timers: Timers;
  onChange: (online: boolean) => void;
  intervalMs?: number;
}>;

export type OnlineWatcher = Readonly<{
  /** Looks now instead of at the next tick (after a resume, say). */
  check(): void;
  stop(): void;
}>;

/**
 * Polls the OS network state and reports changes. Electron has no online/offline event in the
 * main process, and polling `net.isOnline` is cheap. Starting offline is reported at once (so
 * the engine does not spend its first attempts on a dead network); starting online is not news.
 */
export function watchOnline({
  isOnline,
  timers,
  onChange,
  intervalMs = 5000,
}: OnlineWatcherOptions): OnlineWatcher {
  let online = isOnline();
  let stopped = false;
  let timer: ReturnType<Timers['setTimeout']> | null = null;
  const check = (): void => {
    if (stopped) return;
    const now = isOnline();
    if (now !== online) {
      online = now;
      onChange(now);
    }
  };
  const schedule = (): void => {
    timer = timers.setTimeout(() => {
      timer = null;
      check();
      if (!stopped) schedule();
    }, intervalMs);
  };
  if (!online) onChange(false);
  schedule();
  return Object.freeze({
    check,
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  });
}
