/**
 * Small interfaces the server's parts are given instead of reaching for globals, so tests and
 * later hosts can substitute their own (see design.md: dependencies are injected).
 */

export type Clock = Readonly<{ now(): number }>;

/** Cancels a scheduled callback; calling it twice, or after the callback ran, is harmless. */
export type Cancel = () => void;

export type Scheduler = Readonly<{ after(ms: number, run: () => void): Cancel }>;

export const systemClock: Clock = { now: () => Date.now() };

export const systemScheduler: Scheduler = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};
