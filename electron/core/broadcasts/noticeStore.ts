import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { SYSTEM_NOTICES_CONVERSATION_ID, type Conversation, type Message } from '../../../shared/ipc';
import { BROADCAST_MESSAGE_KIND, type BroadcastNoticeBody } from '../../../shared/ipc/channels/broadcasts';
import { knownPublicEventSchema } from '../../../shared/protocol';
import { createStoreContext, type StoreContext } from '../store/core/context';
import { conversationRow, insertMessage, refreshConversation } from '../store/core/timeline';
import { parseBody, toConversation, toMessage } from '../store/rows';
import type { StoreExtension } from '../store/storeExtension';

/** The sync_cursors row of the public inbox. */
const PUBLIC_CURSOR = 'public';
/** Who a notice is from, as a message sender. */
export const SYSTEM_SENDER_ID = 'system';
export const NOTICES_TITLE = 'System notices';

/** The message id (fp) of a broadcast's notice: its own namespace, so no client fp can collide. */
export function noticeMessageId(broadcastId: string): string {
  return `broadcast:${broadcastId}`;
}

export type RemovedNotice = Readonly<{ id: string; reason: 'recalled' | 'expired' }>;

/** What a store step changed, for events. */
export type NoticeChanges = Readonly<{
  changed: Message[];
  removed: RemovedNotice[];
  /** The System notices conversation after the step; null when it does not exist. */
  conversation: Conversation | null;
  /** The soonest expiry still ahead, for the timer; null when none. */
  nextExpiry: number | null;
}>;

const applyArgsSchema = z.object({
  events: z.array(z.unknown()),
  max: z.number().int().nonnegative(),
  now: z.number(),
});
const expireArgsSchema = z.object({ now: z.number() });

/**
 * Broadcast notices in the account's store (a store extension: it runs in the store's worker).
 * A notice is a message of kind `broadcast` in the System notices conversation, sequenced by
 * its public sequence so unread counts work as for any conversation. A recall deletes the row
 * outright: nothing of a recalled notice stays on the device.
 */
export function createNoticeStoreExtension(): StoreExtension {
  let cached: { db: Database; ctx: StoreContext; sql: ReturnType<typeof statements> } | null = null;
  const context = (db: Database): NonNullable<typeof cached> => {
    if (cached?.db !== db) {
      // The user id only matters for direct conversations and mentions, which notices never are.
      const ctx = createStoreContext(db, { userId: '', mode: 'tidings' }, []);
      cached = { db, ctx, sql: statements(db) };
    }
    return cached;
  };

  const finish = (
    db: Database,
    changedIds: readonly number[],
    removed: RemovedNotice[],
    now: number,
  ): NoticeChanges => {
    const { ctx, sql } = context(db);
    const exists = ctx.conversations.byId(SYSTEM_NOTICES_CONVERSATION_ID) !== undefined;
    const touched = changedIds.length > 0 || removed.length > 0;
    let conversation: Conversation | null = null;
    if (exists) {
      if (touched) refreshConversation(ctx, SYSTEM_NOTICES_CONVERSATION_ID);
      // The list shows a notice by its title rather than by its kind's name.
      const last = ctx.messages.last(SYSTEM_NOTICES_CONVERSATION_ID);
      if (touched && last !== undefined && last.kind === BROADCAST_MESSAGE_KIND) {
        const title = parseBody(last.body).title;
        ctx.conversations.setLastMessage(SYSTEM_NOTICES_CONVERSATION_ID, {
          preview: typeof title === 'string' ? title : NOTICES_TITLE,
          sentAt: last.sent_at,
          outgoing: false,
        });
      }
      conversation = toConversation(conversationRow(ctx, SYSTEM_NOTICES_CONVERSATION_ID));
    }
    const changed = ctx.messages.byIds([...new Set(changedIds)]).map(toMessage);
    return {
      changed,
      removed,
      conversation: touched ? conversation : null,
      nextExpiry: sql.nextExpiry.get(SYSTEM_NOTICES_CONVERSATION_ID, now)?.at ?? null,
    };
  };

  const expire = (db: Database, now: number): RemovedNotice[] =>
    context(db)
      .sql.deleteExpired.all(SYSTEM_NOTICES_CONVERSATION_ID, now)
      .map((row) => ({ id: row.fp, reason: 'expired' as const }));

  const upsert = (
    db: Database,
    seq: number,
    id: string,
    notice: BroadcastNoticeBody,
    now: number,
  ): number | null => {
    const { ctx, sql } = context(db);
    if (notice.expiresAt !== null && notice.expiresAt <= now) return null;
    const fp = noticeMessageId(id);
    sql.ensureConversation.run(SYSTEM_NOTICES_CONVERSATION_ID, now, NOTICES_TITLE);
    ctx.conversations.unhide(SYSTEM_NOTICES_CONVERSATION_ID);
    const existing = ctx.messages.byFp(fp);
    if (existing) {
      // A notice deleted on this device stays deleted; an edited one replaces its text in place.
      if (existing.deleted_at !== null) return null;
      sql.replace.run(seq, notice.publishedAt, JSON.stringify(notice), existing.id);
      return existing.id;
    }
    return insertMessage(ctx, {
      fp,
      conversation_id: SYSTEM_NOTICES_CONVERSATION_ID,
      seq,
      server_id: id,
      sender_id: SYSTEM_SENDER_ID,
      outgoing: 0,
      sent_at: notice.publishedAt,
      kind: BROADCAST_MESSAGE_KIND,
      body: JSON.stringify(notice),
      status: 'received',
      reply_to_seq: null,
      mentions_me: 0,
    }).id;
  };

  return {
    name: 'broadcasts',
    operations: {
      /** The public cursor, or null before the first pull. */
      cursor: (db) => context(db).ctx.meta.cursor(PUBLIC_CURSOR),
      /** One pulled page and the cursor after it, in one transaction; expired notices go too. */
      applyPage: (db, args) => {
        const { events, max, now } = applyArgsSchema.parse(args);
        return db.transaction((): NoticeChanges => {
          const { ctx } = context(db);
          const sql = context(db).sql;
          const changedIds: number[] = [];
          const removed: RemovedNotice[] = [];
          for (const raw of events) {
            const parsed = knownPublicEventSchema.safeParse(raw);
            // A kind this version does not know is passed over (the cursor still moves past it).
            if (!parsed.success) continue;
            const event = parsed.data;
            if (event.type === 'broadcast') {
              const { id, title, body, publishedAt, expiresAt } = event.broadcast;
              const rowId = upsert(db, event.seq, id, { title, body, publishedAt, expiresAt }, now);
              if (rowId !== null) changedIds.push(rowId);
            } else {
              const fp = noticeMessageId(event.broadcastId);
              const gone = sql.deleteByFp.get(fp);
              if (gone) removed.push({ id: fp, reason: 'recalled' });
            }
          }
          removed.push(...expire(db, now));
          const cursor = ctx.meta.cursor(PUBLIC_CURSOR) ?? 0;
          ctx.meta.setCursor(PUBLIC_CURSOR, Math.max(cursor, max), now);
          // Rows recalled or expired later in the page are gone: byIds no longer finds them.
          return finish(db, changedIds, removed, now);
        })();
      },
      /** Deletes notices whose expiry has passed. */
      expire: (db, args) => {
        const { now } = expireArgsSchema.parse(args);
        return db.transaction((): NoticeChanges => finish(db, [], expire(db, now), now))();
      },
      /** Forgets the public cursor (the server's public inbox was reset): the next pull starts over. */
      resetCursor: (db) => {
        context(db).sql.resetCursor.run(PUBLIC_CURSOR);
        return null;
      },
    },
  };
}

function statements(db: Database) {
  return {
    // The public inbox has no read state on the server: reading notices stays on this device, so
    // the read mark counts as synced at once (sync never sends `read.mark` for it).
    ensureConversation: db.prepare<[string, number, string]>(`
      INSERT INTO conversations (id, kind, peer_user_id, created_at, updated_at, group_name, read_seq_synced)
      VALUES (?, 'direct', NULL, ?, 0, ?, ${Number.MAX_SAFE_INTEGER}) ON CONFLICT (id) DO NOTHING`),
    replace: db.prepare<[number, number, string, number]>(
      'UPDATE messages SET seq = ?, sent_at = ?, body = ? WHERE id = ?',
    ),
    deleteByFp: db.prepare<[string], { id: number }>('DELETE FROM messages WHERE fp = ? RETURNING id'),
    deleteExpired: db.prepare<[string, number], { fp: string }>(`
      DELETE FROM messages WHERE conversation_id = ? AND json_extract(body, '$.expiresAt') <= ? RETURNING fp`),
    nextExpiry: db.prepare<[string, number], { at: number | null }>(`
      SELECT min(json_extract(body, '$.expiresAt')) AS at FROM messages
      WHERE conversation_id = ? AND json_extract(body, '$.expiresAt') > ? AND deleted_at IS NULL`),
    resetCursor: db.prepare<[string]>('DELETE FROM sync_cursors WHERE name = ?'),
  };
}
