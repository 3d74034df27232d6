import type { SyncProgress } from '../../../shared/ipc';
import { CommandError, type Cursors, type Notify } from '../../../shared/protocol';
import type { Clock, TimerHandle, Timers } from '../deps/clock';
import { errorText, type Logger } from '../deps/logger';
import { CommandFailure, LinkDownError, type CommandClient } from '../net/commandClient';
import { createSerialQueue } from '../persist/jsonFile';
import type { Store, SyncBatch, SyncOutcome } from '../store/store';
import type { EngineTuning } from '../tuning';
import { createPullSteps } from './pullSteps';

export type SyncerDeps = Readonly<{
  store: Store;
  commands: Pick<CommandClient, 'call'>;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  tuning: Pick<
    EngineTuning,
    'syncPageSize' | 'catchUpGapLimit' | 'backfillIntervalMs' | 'backfillEnabled' | 'syncRetryMs'
  >;
  /** What a transaction changed: the session emits events and stops resending stored messages. */
  onApplied(outcome: SyncOutcome): void;
  onProgress(progress: SyncProgress): void;
  /** Messages waiting in the outbox, reported with the progress. */
  pendingSends(): number;
}>;

export type Syncer = Readonly<{
  /** The server said hello: from now on the link can pull. */
  online(cursors: Cursors): void;
  /** The link is gone: nothing is pulled until the next hello. */
  offline(): void;
  notify(notify: Notify): void;
  /** Cursors from a keepalive answer: a lost notify shows up here. */
  cursors(cursors: Cursors): void;
  /** Pulls until caught up (joining a run in progress); rejects when offline. */
  syncNow(): Promise<SyncProgress>;
  /** Tells the server about reads made here (after `conversations:markRead`). */
  flushReads(): void;
  progress(): SyncProgress;
  /** The outbox grew or shrank: report it. */
  outboxChanged(): void;
  /** Stops for good; resolves when the step in progress (if any) has finished. */
  stop(): Promise<void>;
}>;

/**
 * When to sync: after the hello, on a notify, when a keepalive shows a cursor ahead, and when
 * asked; then (throttled, in the background) older history until every conversation is whole.
 * Every step runs through one queue, each page in one store transaction, so a crash or a lost
 * link at any point resumes from what is on disk.
 */
export function createSyncer(deps: SyncerDeps): Syncer {
  const { store, timers, logger, tuning } = deps;
  const serial = createSerialQueue();
  let isOnline = false;
  let stopped = false;
  /** The highest inbox sequence the server has shown us. */
  let serverInbox = 0;
  let forceResync = false;
  /** A caller asked to sync now: pull the inbox once even if no cursor said it is behind. */
  let pullAnyway = false;
  let queuedRun: Promise<void> | null = null;
  let pendingNotify: Notify | null = null;
  const pendingGroups = new Map<string, number>();
  let backfillTimer: TimerHandle | null = null;
  let retryTimer: TimerHandle | null = null;
  let progress: SyncProgress = {
    phase: 'idle',
    applied: 0,
    pendingConversations: 0,
    backfillRemaining: 0,
    lastSyncedAt: null,
    pendingSends: 0,
  };

  const setProgress = (change: Partial<SyncProgress>): void => {
    const next = { ...progress, pendingSends: deps.pendingSends(), ...change };
    if (JSON.stringify(next) === JSON.stringify(progress)) return;
    if (next.phase !== progress.phase)
      logger.info('sync.phase', { phase: next.phase, applied: next.applied });
    progress = next;
    deps.onProgress(progress);
  };

  /** One transaction, and what it changed reported. */
  const apply = async (batch: SyncBatch): Promise<SyncOutcome> => {
    const outcome = await store.applySync(batch);
    deps.onApplied(outcome);
    if (outcome.inserted > 0) setProgress({ applied: progress.applied + outcome.inserted });
    return outcome;
  };

  const steps = createPullSteps({
    ...deps,
    apply,
    setProgress,
    noteServerInbox: (inbox) => void (serverInbox = Math.max(serverInbox, inbox)),
  });

  const runOnce = async (): Promise<void> => {
    setProgress({ phase: 'inbox', applied: 0 });
    if (pendingGroups.size > 0) {
      const groups = [...pendingGroups].map(([id, lastSeq]) => ({ id, lastSeq, readSeq: 0 }));
      pendingGroups.clear();
      await apply({ now: deps.clock.now(), conversations: groups });
    }
    if (forceResync || (await store.inboxCursor()) === null) {
      forceResync = false;
      await steps.fullResync();
    } else {
      const notify = pendingNotify;
      pendingNotify = null;
      if (notify) await steps.applyInline(notify);
    }
    const pull = pullAnyway || (await steps.cursorNow()) < serverInbox;
    pullAnyway = false;
    if (pull) {
      try {
        await steps.pullInbox();
      } catch (error) {
        if (!(error instanceof CommandFailure) || error.code !== CommandError.cursorReset) throw error;
        logger.warn('sync.cursor-reset');
        await steps.fullResync();
        await steps.pullInbox();
      }
    }
    const targets = await store.catchUpTargets();
    setProgress({ phase: 'history', pendingConversations: targets.length });
    for (const [i, target] of targets.entries()) {
      await steps.catchUp(target);
      setProgress({ pendingConversations: targets.length - i - 1 });
    }
    await steps.flushReads();
    setProgress({
      phase: 'idle',
      pendingConversations: 0,
      lastSyncedAt: deps.clock.now(),
      backfillRemaining: await store.backfillRemaining(),
    });
    scheduleBackfill(0);
  };

  const scheduleRetry = (): void => {
    if (retryTimer !== null || stopped || !isOnline) return;
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      background();
    }, tuning.syncRetryMs);
  };

  /** Queues one run; requests while one is queued join it. */
  const requestSync = (): Promise<void> => {
    if (stopped) return Promise.reject(new Error('sync stopped'));
    if (!isOnline) return Promise.reject(new LinkDownError());
    queuedRun ??= serial(async () => {
      queuedRun = null;
      if (!isOnline || stopped) throw new LinkDownError();
      try {
        await runOnce();
      } catch (error) {
        setProgress({ phase: 'idle', pendingConversations: 0 });
        if (error instanceof LinkDownError) logger.info('sync.interrupted', { error: errorText(error) });
        else {
          logger.warn('sync.failed', { error: errorText(error) });
          scheduleRetry();
        }
        throw error;
      }
    });
    return queuedRun;
  };

  const background = (): void => {
    void requestSync().catch(() => undefined);
  };

  const scheduleBackfill = (delay: number): void => {
    if (!tuning.backfillEnabled || stopped || !isOnline || backfillTimer !== null) return;
    backfillTimer = timers.setTimeout(() => {
      backfillTimer = null;
      void serial(() => (isOnline && !stopped ? steps.backfillPage() : Promise.resolve(false))).then(
        (more) => {
          if (more) scheduleBackfill(tuning.backfillIntervalMs);
        },
        (error: unknown) => {
          setProgress({ phase: 'idle' });
          if (!(error instanceof LinkDownError))
            logger.warn('sync.backfill-failed', { error: errorText(error) });
          scheduleBackfill(tuning.syncRetryMs);
        },
      );
    }, delay);
  };

  /** Notes what the server shows; true when a large group moved (the inbox does not carry those). */
  const noteCursors = (cursors: Cursors): boolean => {
    serverInbox = Math.max(serverInbox, cursors.inbox);
    for (const [id, seq] of Object.entries(cursors.groups ?? {})) {
      pendingGroups.set(id, Math.max(seq, pendingGroups.get(id) ?? 0));
    }
    return pendingGroups.size > 0;
  };

  const clearTimers = (): void => {
    if (backfillTimer !== null) timers.clearTimeout(backfillTimer);
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    backfillTimer = null;
    retryTimer = null;
  };

  return Object.freeze({
    online(cursors: Cursors) {
      if (stopped) return;
      isOnline = true;
      void steps.cursorNow().then((local) => {
        // A server that forgot our inbox (restored from a backup, reset) starts us over.
        if (cursors.inbox < local) {
          logger.warn('sync.server-behind', { local, server: cursors.inbox });
          forceResync = true;
        }
        noteCursors(cursors);
        background();
      }, background);
    },
    offline() {
      isOnline = false;
      clearTimers();
    },
    notify(notify: Notify) {
      if (!isOnline) return;
      noteCursors(notify.cursors);
      if (notify.events && notify.events.length > 0) pendingNotify = notify;
      background();
    },
    cursors(cursors: Cursors) {
      if (!isOnline) return;
      const groups = noteCursors(cursors);
      void steps.cursorNow().then((local) => {
        if (cursors.inbox > local || groups) background();
      });
    },
    async syncNow() {
      pullAnyway = true;
      await requestSync();
      return { ...progress, pendingSends: deps.pendingSends() };
    },
    flushReads() {
      if (!isOnline) return;
      void serial(() => steps.flushReads()).catch((error: unknown) => {
        if (!(error instanceof LinkDownError))
          logger.warn('sync.read-mark-failed', { error: errorText(error) });
      });
    },
    progress: () => ({ ...progress, pendingSends: deps.pendingSends() }),
    outboxChanged() {
      setProgress({});
    },
    async stop() {
      stopped = true;
      isOnline = false;
      clearTimers();
      await serial(() => Promise.resolve());
    },
  });
}
