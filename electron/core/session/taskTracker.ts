import { errorText, type Logger } from '../deps/logger';

export type TaskTracker = Readonly<{
  /** Runs background work whose failure is logged, not thrown; `close` waits for it. */
  run(name: string, work: () => Promise<unknown>): void;
  /** Resolves once nothing started through `run` is still running. */
  idle(): Promise<void>;
}>;

/**
 * Background work started by frames and timers (storing a push, recording an attempt). Keeping
 * it in one place lets the session close the store only after the last write finished.
 */
export function createTaskTracker(logger: Logger): TaskTracker {
  const running = new Set<Promise<unknown>>();
  return Object.freeze({
    run(name: string, work: () => Promise<unknown>) {
      const task = (async () => {
        try {
          await work();
        } catch (error) {
          logger.error('task.failed', { task: name, error: errorText(error) });
        }
      })();
      running.add(task);
      void task.finally(() => running.delete(task));
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  });
}
