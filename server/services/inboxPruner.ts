import type { Logger } from '../log/logger';
import type { Cancel, Clock, Scheduler } from '../ports';
import type { InboxRepository } from '../storage/inboxRepository';
import type { WriteQueue } from './writeQueue';

/** Rows deleted per transaction, so a large backlog never holds the writer for long. */
const PRUNE_CHUNK = 2_000;

/**
 * Inbox retention: every `intervalMs`, deletes events older than `retentionMs` (in chunks,
 * through the group-commit queue). A device whose cursor falls below what is kept gets
 * `cursor-reset` and resynchronises from the conversation list.
 */
export type InboxPruner = Readonly<{
  /** Prunes once now; resolves with the number of events deleted. */
  pruneNow(): Promise<number>;
  stop(): void;
}>;

export function startInboxPruner(
  deps: Readonly<{
    inbox: Pick<InboxRepository, 'prune'>;
    queue: WriteQueue;
    clock: Clock;
    scheduler: Scheduler;
    logger: Logger;
    retentionMs: number;
    intervalMs: number;
  }>,
): InboxPruner {
  const { inbox, queue, clock, scheduler, logger } = deps;
  let cancel: Cancel = () => {};
  let stopped = false;

  const pruneNow = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const cutoff = clock.now() - deps.retentionMs;
      const deleted = await queue.run(() => inbox.prune(cutoff, PRUNE_CHUNK));
      total += deleted;
      if (deleted < PRUNE_CHUNK || stopped) break;
    }
    if (total > 0) logger.info('inbox events pruned', { count: total });
    return total;
  };

  const schedule = (): void => {
    cancel = scheduler.after(deps.intervalMs, () => {
      pruneNow().then(
        () => !stopped && schedule(),
        (error: unknown) => {
          logger.warn('inbox pruning failed', { error });
          if (!stopped) schedule();
        },
      );
    });
  };
  schedule();

  return {
    pruneNow,
    stop() {
      stopped = true;
      cancel();
    },
  };
}
