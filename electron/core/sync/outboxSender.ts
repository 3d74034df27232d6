import type { Message } from '../../../shared/ipc';
import type { Clock, TimerHandle, Timers } from '../deps/clock';
import type { Logger } from '../deps/logger';
import type { Connection } from '../net/connection';
import type { TaskTracker } from '../session/taskTracker';
import type { OutboxEntry, Store } from '../store/store';

/** How often and how long to try: Tidings' generous budget, or the stock SDK's in basic mode. */
export type SendBudget = Readonly<{ retryIntervalMs: number; maxSendAttempts: number }>;

export type OutboxSenderDeps = Readonly<{
  store: Pick<Store, 'listOutbox' | 'markSent' | 'markFailed' | 'recordAttempt'>;
  connection: Pick<Connection, 'state' | 'send'>;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  tasks: TaskTracker;
  /** Read at every transmission: the budget changes when basic mode is detected. */
  budget(): SendBudget;
  /** A message's status changed (sent or failed). */
  onChanged(message: Message): void;
  /** The number of pending messages changed. */
  onPendingChanged?(): void;
}>;

export type OutboxSender = Readonly<{
  /** Takes over what a previous run left unacknowledged. */
  load(): Promise<void>;
  /** A message just written with its outbox row (or revived by a retry): send it now if the link is up. */
  enqueue(entry: OutboxEntry): void;
  /** Logged in (again): everything unacknowledged goes out once more, oldest first, same fp. */
  resendAll(): void;
  /** The server's type 4 for `fp`. */
  acknowledge(fp: string): void;
  /**
   * Stop sending it without another store write: the store already knows why (it came back
   * through sync as stored, or the user deleted it).
   */
  forget(fp: string, reason: 'stored' | 'deleted'): void;
  /** The server's typeu 3 for `fp`: it will never be stored, so stop trying. */
  /** The server refused the message for good: failed, with its reason. */
  refuse(fp: string, failure: Readonly<{ code: string; message: string }>): void;
  pending(): number;
  stop(): void;
}>;

type Pending = { entry: OutboxEntry; attempts: number; timer: TimerHandle | null };

/**
 * Delivery of outgoing messages until the server acknowledges them. The attempt count lives in
 * the outbox row so the budget survives restarts; only transmissions on a live link count,
 * so a long time offline never fails a message by itself.
 */
export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const { store, connection, timers, tasks, logger } = deps;
  const pending = new Map<string, Pending>();
  let stopped = false;

  const forget = (fp: string): boolean => {
    const item = pending.get(fp);
    if (item?.timer != null) timers.clearTimeout(item.timer);
    const removed = pending.delete(fp);
    if (removed && !stopped) deps.onPendingChanged?.();
    return removed;
  };

  const settle = (
    fp: string,
    outcome: 'sent' | 'failed',
    failure: Readonly<{ code: string; message: string }> | null = null,
  ): void => {
    const wasPending = forget(fp);
    tasks.run(`outbox.${outcome}`, async () => {
      const changed =
        outcome === 'sent' ? await store.markSent(fp) : await store.markFailed(fp, deps.clock.now(), failure);
      if (changed) {
        logger.info(`outbox.${outcome}`, { fp, wasPending });
        deps.onChanged(changed);
      }
    });
  };

  const transmit = (fp: string): void => {
    const item = pending.get(fp);
    if (!item || stopped) return;
    if (item.timer !== null) timers.clearTimeout(item.timer);
    item.timer = null;
    if (connection.state() !== 'ready') return; // resendAll picks it up after the next login
    const budget = deps.budget();
    if (item.attempts >= budget.maxSendAttempts) {
      logger.warn('outbox.budget-exhausted', { fp, attempts: item.attempts });
      settle(fp, 'failed');
      return;
    }
    if (!connection.send(item.entry.frame)) return;
    item.attempts += 1;
    item.timer = timers.setTimeout(() => transmit(fp), budget.retryIntervalMs);
    logger.info(item.attempts > 1 ? 'outbox.retransmit' : 'outbox.transmit', { fp, attempts: item.attempts });
    const now = deps.clock.now();
    tasks.run('outbox.record-attempt', () => store.recordAttempt(fp, now));
  };

  return Object.freeze({
    async load() {
      for (const entry of await store.listOutbox()) {
        if (!pending.has(entry.fp)) pending.set(entry.fp, { entry, attempts: entry.attempts, timer: null });
      }
      if (pending.size > 0) logger.info('outbox.loaded', { pending: pending.size });
    },
    enqueue(entry: OutboxEntry) {
      if (stopped || pending.has(entry.fp)) return;
      pending.set(entry.fp, { entry, attempts: entry.attempts, timer: null });
      logger.info('outbox.enqueued', { fp: entry.fp });
      deps.onPendingChanged?.();
      transmit(entry.fp);
    },
    resendAll() {
      const oldestFirst = [...pending.values()].sort((a, b) => a.entry.createdAt - b.entry.createdAt);
      for (const item of oldestFirst) transmit(item.entry.fp);
    },
    acknowledge(fp: string) {
      settle(fp, 'sent');
    },
    forget(fp: string, reason: 'stored' | 'deleted') {
      if (forget(fp)) logger.info(`outbox.${reason}`, { fp });
    },
    refuse(fp: string, failure: Readonly<{ code: string; message: string }>) {
      logger.warn('outbox.refused', { fp, code: failure.code });
      settle(fp, 'failed', failure);
    },
    pending: () => pending.size,
    stop() {
      stopped = true;
      for (const fp of [...pending.keys()]) forget(fp);
    },
  });
}
