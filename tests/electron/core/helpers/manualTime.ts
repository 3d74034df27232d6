import type { Clock, TimerHandle, Timers } from '../../../../electron/core/deps/clock';

type Scheduled = { id: number; at: number; callback: () => void };

/** A clock and timers that move only when the test says so. */
export type ManualTime = Clock &
  Timers & {
    /** Moves time forward, firing due timers in order (timers they set are honoured too). */
    advance(ms: number): void;
    /** Number of timers waiting to fire. */
    pending(): number;
  };

export function createManualTime(start = 1_700_000_000_000): ManualTime {
  let now = start;
  let nextId = 1;
  const scheduled = new Map<number, Scheduled>();
  return {
    now: () => now,
    setTimeout(callback: () => void, ms: number): TimerHandle {
      const id = nextId++;
      scheduled.set(id, { id, at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle: TimerHandle) {
      scheduled.delete(handle as number);
    },
    advance(ms: number) {
      const target = now + ms;
      for (;;) {
        let due: Scheduled | undefined;
        for (const timer of scheduled.values()) {
          if (
            timer.at <= target &&
            (!due || timer.at < due.at || (timer.at === due.at && timer.id < due.id))
          ) {
            due = timer;
          }
        }
        if (!due) break;
        scheduled.delete(due.id);
        now = due.at;
        due.callback();
      }
      now = target;
    },
    pending: () => scheduled.size,
  };
}
