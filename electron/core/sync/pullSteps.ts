import type { SyncProgress } from '../../../shared/ipc';
import { knownInboxEventSchema, type InboxEvent, type Notify } from '../../../shared/protocol';
import type { Clock } from '../deps/clock';
import type { Logger } from '../deps/logger';
import type { CommandClient } from '../net/commandClient';
import type { Store, SyncBatch, SyncOutcome } from '../store/store';
import type { EngineTuning } from '../tuning';

export type PullStepsDeps = Readonly<{
  store: Store;
  commands: Pick<CommandClient, 'call'>;
  clock: Clock;
  logger: Logger;
  tuning: Pick<EngineTuning, 'syncPageSize' | 'catchUpGapLimit'>;
  /** Applies one page in one store transaction and reports what changed. */
  apply(batch: SyncBatch): Promise<SyncOutcome>;
  setProgress(change: Partial<SyncProgress>): void;
  /** The server's inbox head, as a page or a snapshot shows it. */
  noteServerInbox(inbox: number): void;
}>;

export type PullSteps = ReturnType<typeof createPullSteps>;

/** Kinds this version does not know are skipped; the cursor still moves past them. */
function knownEvents(events: readonly unknown[]): InboxEvent[] {
  return events.flatMap((e) => {
    const parsed = knownInboxEventSchema.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The steps of notify-pull sync, each a few commands and one store transaction per page: the
 * inbox by cursor, inline notify events, the full resync of a new (or reset) device, the
 * newest page or the missing tail of a conversation, one older page for backfill, and the
 * read positions the server has not confirmed.
 */
export function createPullSteps(deps: PullStepsDeps) {
  const { store, commands, clock, tuning } = deps;
  const cursorNow = async (): Promise<number> => (await store.inboxCursor()) ?? 0;

  const newestPage = async (conversationId: string): Promise<void> => {
    const page = await commands.call('sync.history', { conversationId, limit: tuning.syncPageSize });
    await deps.apply({ now: clock.now(), messages: page.messages });
    if (!page.hasMore) await store.historyComplete(conversationId);
  };

  return {
    cursorNow,

    /** Inbox pages from the cursor until the server has no more; each page moves the cursor. */
    async pullInbox(): Promise<void> {
      let cursor = await cursorNow();
      for (;;) {
        const page = await commands.call('sync.inbox', { after: cursor, limit: tuning.syncPageSize });
        const last = page.events.at(-1)?.seq;
        if (last === undefined || last <= cursor) break;
        await deps.apply({ now: clock.now(), events: knownEvents(page.events), inboxCursor: last });
        cursor = last;
        deps.noteServerInbox(page.max);
        if (!page.hasMore) break;
      }
    },

    /** A notify's inline events, applied without a round trip when they follow the cursor. */
    async applyInline(notify: Notify): Promise<void> {
      const cursor = await cursorNow();
      const events = [...(notify.events ?? [])].sort((a, b) => a.seq - b.seq).filter((e) => e.seq > cursor);
      if (events.length === 0 || events.some((e, i) => e.seq !== cursor + 1 + i)) return;
      await deps.apply({
        now: clock.now(),
        events: knownEvents(events),
        inboxCursor: cursor + events.length,
      });
    },

    /**
     * A device with no cursor (new, or after a reset): every conversation and its read state,
     * then the newest page of each; the background backfill brings the rest. Local-only data
     * (drafts, the outbox, settings) is untouched.
     */
    async fullResync(): Promise<void> {
      deps.setProgress({ phase: 'resync' });
      const snapshot = await commands.call('sync.conversations', {});
      deps.logger.info('sync.resync', {
        conversations: snapshot.conversations.length,
        inbox: snapshot.inbox,
      });
      for (let i = 0; i < snapshot.conversations.length; i += tuning.syncPageSize) {
        await deps.apply({
          now: clock.now(),
          conversations: snapshot.conversations.slice(i, i + tuning.syncPageSize),
        });
      }
      await store.setInboxCursor(snapshot.inbox, clock.now());
      deps.noteServerInbox(snapshot.inbox);
      const targets = await store.catchUpTargets();
      deps.setProgress({ phase: 'history', pendingConversations: targets.length });
      for (const [i, target] of targets.entries()) {
        await newestPage(target.conversationId);
        deps.setProgress({ pendingConversations: targets.length - i - 1 });
      }
    },

    /**
     * Fetches what a conversation misses at the top: the pages after what is held, or, when it
     * is far behind, the newest page (backfill then fills the hole from above).
     */
    async catchUp(target: Readonly<{ conversationId: string; top: number; lastSeq: number }>): Promise<void> {
      if (target.lastSeq - target.top > tuning.catchUpGapLimit) {
        await newestPage(target.conversationId);
        return;
      }
      let after = target.top;
      for (;;) {
        const page = await commands.call('sync.history', {
          conversationId: target.conversationId,
          after,
          limit: tuning.syncPageSize,
        });
        const last = page.messages.at(-1)?.seq;
        await deps.apply({ now: clock.now(), messages: page.messages });
        if (!page.hasMore || last === undefined || last <= after) break;
        after = last;
      }
    },

    /** One page of older history for one conversation; false when nothing is left anywhere. */
    async backfillPage(): Promise<boolean> {
      const [target] = await store.backfillTargets(1);
      if (!target) {
        deps.setProgress({ backfillRemaining: 0 });
        return false;
      }
      deps.setProgress({ phase: 'backfill' });
      const page = await commands.call('sync.history', {
        conversationId: target.conversationId,
        before: target.before,
        limit: tuning.syncPageSize,
      });
      await deps.apply({ now: clock.now(), messages: page.messages });
      if (!page.hasMore || page.messages.length === 0) await store.historyComplete(target.conversationId);
      const remaining = await store.backfillRemaining();
      deps.setProgress({ phase: 'idle', backfillRemaining: remaining });
      return remaining > 0;
    },

    /** Read positions made here that the server has not confirmed (read.mark is idempotent). */
    async flushReads(): Promise<void> {
      for (const mark of await store.unsyncedReads()) {
        const reply = await commands.call('read.mark', mark);
        await store.readSynced(mark.conversationId, Math.max(mark.seq, reply.readSeq));
      }
    },
  };
}
