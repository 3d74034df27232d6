/** The part of Electron's `before-quit` event the guard uses. */
export type PreventableEvent = Readonly<{ preventDefault(): void }>;

export type QuitGuardOptions = Readonly<{
  /** Flushes and closes the engine. */
  close: () => Promise<void>;
  /** Asks the app to quit again (`app.quit`); the guard lets that second attempt through. */
  quit: () => void;
  onError: (error: unknown) => void;
  /**
   * How long the user waits at most. The store is transactional, so quitting before the flush
   * finishes loses nothing committed; an app that will not quit is worse.
   */
  timeoutMs?: number;
}>;

/** Starts closing now; a synchronous throw becomes a rejection like any other failure. */
function closeSafely(close: () => Promise<void>): Promise<void> {
  try {
    return close();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * A `before-quit` listener that holds the quit until the engine has closed, then quits once
 * more. Further quit requests while closing are held too, not turned into a second close.
 * Windows does not emit `before-quit` at shutdown or logoff, which the store's transactions cover.
 * https://www.electronjs.org/docs/latest/api/app#event-before-quit
 */
export function createQuitGuard({
  close,
  quit,
  onError,
  timeoutMs = 5000,
}: QuitGuardOptions): (event: PreventableEvent) => void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        onError(new Error(`engine did not close within ${timeoutMs} ms`));
        resolve();
      }, timeoutMs);
    });
    const closed = closeSafely(close).catch(onError);
    void Promise.race([closed, deadline]).then(() => {
      clearTimeout(timer);
      state = 'closed';
      quit();
    });
  };
}
