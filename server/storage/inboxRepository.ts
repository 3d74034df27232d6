import type { Database } from 'better-sqlite3';
import type { FriendActionName } from '../../shared/protocol/social';
import { formatId, parseId } from './ids';
import { toStoredMessage, type MessageRow, type StoredMessage } from './messageRows';

/** What an inbox event says; `seq` and `at` are added when it is stored. */
export type InboxEventRecord =
  | Readonly<{ type: 'message'; conversationId: string; messageSeq: number }>
  | Readonly<{ type: 'recall'; conversationId: string; messageSeq: number; by: string }>
  | Readonly<{ type: 'read'; conversationId: string; readSeq: number }>
  | Readonly<{ type: 'receipt'; conversationId: string; readSeq: number; by: string }>
  | Readonly<{ type: 'friend'; action: FriendActionName; peerId: string; message?: string }>
  | Readonly<{
      type: 'group';
      action: 'joined' | 'left';
      conversationId: string;
      messageSeq: number;
      by: string;
    }>
  | Readonly<{ type: 'mention'; conversationId: string; messageSeq: number; by: string }>;

export type StoredInboxEvent = InboxEventRecord & Readonly<{ seq: number; at: number }>;

/** An event of a page, with the message it points to (`message` and `recall` events). */
export type InboxEntry = Readonly<{ event: StoredInboxEvent; message: StoredMessage | null }>;

export type InboxHead = Readonly<{
  /** Highest sequence (0 for an empty inbox). */
  last: number;
  /** Highest sequence deleted by retention; the inbox holds what lies above it. */
  floor: number;
}>;

/** Each user's private inbox: pointer events numbered per user without gaps. */
export type InboxRepository = Readonly<{
  /** Appends with the user's next sequence and returns the stored event. Run inside a transaction. */
  append(userId: string, event: InboxEventRecord, at: number): StoredInboxEvent;
  head(userId: string): InboxHead;
  /** Events with seq > `after`, ascending, with the messages they point to joined in. */
  page(userId: string, after: number, limit: number): InboxEntry[];
  /** Deletes up to `maxRows` events older than `cutoff` (oldest first), raising floors; returns how many. */
  prune(cutoff: number, maxRows: number): number;
}>;

type EventRow = {
  seq: number;
  type: string;
  at: number;
  conversation_id: string | null;
  ref_seq: number | null;
  actor_id: number | null;
  data: string | null;
};

type EntryRow = EventRow & {
  m_id: number | null;
  m_seq: number;
  m_fp: string;
  m_sender_id: number;
  m_sent_at: number;
  m_kind: string;
  m_body: string;
  m_recalled_at: number | null;
};

export function createInboxRepository(db: Database): InboxRepository {
  const bump = db.prepare<[number], { last_seq: number }>(
    `INSERT INTO inboxes (user_id, last_seq, floor_seq) VALUES (?, 1, 0)
     ON CONFLICT (user_id) DO UPDATE SET last_seq = last_seq + 1
     RETURNING last_seq`,
  );
  const insert = db.prepare<
    [number, number, string, number, string | null, number | null, number | null, string | null]
  >(
    `INSERT INTO inbox_events (user_id, seq, type, at, conversation_id, ref_seq, actor_id, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const head = db.prepare<[number], { last_seq: number; floor_seq: number }>(
    'SELECT last_seq, floor_seq FROM inboxes WHERE user_id = ?',
  );
  const page = db.prepare<[number, number, number], EntryRow>(
    `SELECT e.seq, e.type, e.at, e.conversation_id, e.ref_seq, e.actor_id, e.data,
            m.id AS m_id, m.seq AS m_seq, m.fp AS m_fp, m.sender_id AS m_sender_id,
            m.sent_at AS m_sent_at, m.kind AS m_kind, m.body AS m_body, m.recalled_at AS m_recalled_at
     FROM inbox_events e
     LEFT JOIN messages m
       ON e.type IN ('message', 'recall') AND m.conversation_id = e.conversation_id AND m.seq = e.ref_seq
     WHERE e.user_id = ? AND e.seq > ?
     ORDER BY e.seq
     LIMIT ?`,
  );
  const expired = db.prepare<[number, number], { user_id: number; seq: number }>(
    'SELECT user_id, seq FROM inbox_events WHERE at < ? ORDER BY at LIMIT ?',
  );
  const raiseFloor = db.prepare<[number, number]>(
    'UPDATE inboxes SET floor_seq = max(floor_seq, ?) WHERE user_id = ?',
  );
  const remove = db.prepare<[number, number]>('DELETE FROM inbox_events WHERE user_id = ? AND seq = ?');
  const pruneAll = db.transaction((cutoff: number, maxRows: number): number => {
    const rows = expired.all(cutoff, maxRows);
    const floors = new Map<number, number>();
    for (const row of rows) {
      remove.run(row.user_id, row.seq);
      floors.set(row.user_id, Math.max(floors.get(row.user_id) ?? 0, row.seq));
    }
    for (const [user, floor] of floors) raiseFloor.run(floor, user);
    return rows.length;
  });

  const userKey = (id: string): number => {
    const key = parseId(id);
    if (key === null) throw new Error('malformed user id');
    return key;
  };

  return {
    append(userId, event, at) {
      const user = userKey(userId);
      const seq = bump.get(user)?.last_seq;
      if (seq === undefined) throw new Error('inbox sequence not assigned');
      const [conversationId, refSeq, actor, data] = columnsOf(event);
      insert.run(
        user,
        seq,
        event.type,
        at,
        conversationId,
        refSeq,
        actor === null ? null : userKey(actor),
        data,
      );
      return { ...event, seq, at };
    },
    head(userId) {
      const key = parseId(userId);
      const row = key === null ? undefined : head.get(key);
      return { last: row?.last_seq ?? 0, floor: row?.floor_seq ?? 0 };
    },
    page(userId, after, limit) {
      const key = parseId(userId);
      if (key === null) return [];
      const entries: InboxEntry[] = [];
      for (const row of page.all(key, after, limit)) {
        const event = toEvent(row);
        // A kind this server version does not know cannot be in its own database; skip it.
        if (event) entries.push({ event, message: joinedMessage(row) });
      }
      return entries;
    },
    prune: (cutoff, maxRows) => pruneAll(cutoff, maxRows),
  };
}

type Columns = [
  conversationId: string | null,
  refSeq: number | null,
  actor: string | null,
  data: string | null,
];

function columnsOf(event: InboxEventRecord): Columns {
  switch (event.type) {
    case 'message':
      return [event.conversationId, event.messageSeq, null, null];
    case 'recall':
      return [event.conversationId, event.messageSeq, event.by, null];
    case 'read':
      return [event.conversationId, event.readSeq, null, null];
    case 'receipt':
      return [event.conversationId, event.readSeq, event.by, null];
    case 'friend':
      return [null, null, event.peerId, JSON.stringify({ action: event.action, message: event.message })];
    case 'group':
      return [event.conversationId, event.messageSeq, event.by, JSON.stringify({ action: event.action })];
    case 'mention':
      return [event.conversationId, event.messageSeq, event.by, null];
  }
}

function toEvent(row: EventRow): StoredInboxEvent | null {
  const { seq, at, conversation_id: conversationId, ref_seq: ref, actor_id: actor } = row;
  if (row.type === 'friend') return toFriendEvent(row);
  if (conversationId === null || ref === null) return null;
  switch (row.type) {
    case 'message':
      return { seq, at, type: 'message', conversationId, messageSeq: ref };
    case 'recall':
      return actor === null
        ? null
        : { seq, at, type: 'recall', conversationId, messageSeq: ref, by: formatId(actor) };
    case 'read':
      return { seq, at, type: 'read', conversationId, readSeq: ref };
    case 'receipt':
      return actor === null
        ? null
        : { seq, at, type: 'receipt', conversationId, readSeq: ref, by: formatId(actor) };
    case 'group': {
      if (actor === null || row.data === null) return null;
      const { action } = JSON.parse(row.data) as { action: 'joined' | 'left' };
      return { seq, at, type: 'group', action, conversationId, messageSeq: ref, by: formatId(actor) };
    }
    case 'mention':
      return actor === null
        ? null
        : { seq, at, type: 'mention', conversationId, messageSeq: ref, by: formatId(actor) };
    default:
      return null;
  }
}

function toFriendEvent(row: EventRow): StoredInboxEvent | null {
  if (row.actor_id === null || row.data === null) return null;
  const data = JSON.parse(row.data) as { action: FriendActionName; message?: string };
  return {
    seq: row.seq,
    at: row.at,
    type: 'friend',
    action: data.action,
    peerId: formatId(row.actor_id),
    ...(data.message === undefined ? {} : { message: data.message }),
  };
}

function joinedMessage(row: EntryRow): StoredMessage | null {
  if (row.m_id === null || row.conversation_id === null) return null;
  const message: MessageRow = {
    id: row.m_id,
    conversation_id: row.conversation_id,
    seq: row.m_seq,
    fp: row.m_fp,
    sender_id: row.m_sender_id,
    sent_at: row.m_sent_at,
    kind: row.m_kind,
    body: row.m_body,
    recalled_at: row.m_recalled_at,
  };
  return toStoredMessage(message);
}
