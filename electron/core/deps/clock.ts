/** Wall-clock time in ms since the epoch. Injected so tests control time. */
export type Clock = Readonly<{ now(): number }>;

/** An opaque handle from `Timers.setTimeout` (an object in Node, a number in browsers and fakes). */
export type TimerHandle = object | number;

/** One-shot timers. Injected so tests fire them deterministically instead of waiting. */
export type Timers = Readonly<{
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}>;

export const systemClock: Clock = Object.freeze({ now: () => Date.now() });

export const systemTimers: Timers = Object.freeze({
  setTimeout: (callback: () => void, ms: number): TimerHandle => setTimeout(callback, ms),
  clearTimeout: (handle: TimerHandle): void => clearTimeout(handle as ReturnType<typeof setTimeout>),
});
