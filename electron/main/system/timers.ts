import type { Timers } from '../../core';

/** The global timers behind the engine's `Timers` seam. */
export const nodeTimers: Timers = Object.freeze({
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: ReturnType<Timers['setTimeout']>) => clearTimeout(handle as NodeJS.Timeout),
});
