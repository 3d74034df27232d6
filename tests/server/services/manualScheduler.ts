import type { Scheduler } from '../../../server/ports';

/** Timers the test advances by hand. */
export function manualScheduler() {
  let now = 0;
  const timers = new Set<{ at: number; run: () => void }>();
  const scheduler: Scheduler = {
    after(ms, run) {
      const timer = { at: now + ms, run };
      timers.add(timer);
      return () => timers.delete(timer);
    },
  };
  const advance = (ms: number): void => {
    now += ms;
    for (const timer of [...timers].sort((a, b) => a.at - b.at)) {
      if (timer.at <= now && timers.delete(timer)) timer.run();
    }
  };
  return { scheduler, advance, pending: () => timers.size };
}
