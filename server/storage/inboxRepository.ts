import type { Database } from 'better-sqlite3';
import { formatId, parseId } from './ids';
import { toStoredMessage, type MessageRow, type StoredMessage } from './messageRows';

/** What an inbox event says; `seq` and `at` are added when it is stored. */
export type InboxEventRecord =
  | Readonly<{ type: 'message'; conversationId: string; messageSeq: number }>
  | Readonly<{ type: 'recall'; conversationId: string; messageSeq: number; by: string }>
  | Readonly<{ type: 'read'; conversationId: string; readSeq: number }>
  | Readonly<{ type: 'receipt'; conversationId: string; readSeq: number; by: string }>;

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
  const insert = db.prepare<[number, number, string, number, string, number, number | null]>(
    `INSERT INTO inbox_events (user_id, seq, type, at, conversation_id, ref_seq, actor_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const head = db.prepare<[number], { last_seq: number; floor_seq: number }>(
    'SELECT last_seq, floor_seq FROM inboxes WHERE user_id = ?',
  );
  const page = db.prepare<[number, number, number], EntryRow>(
    `SELECT e.seq, e.type, e.at, e.conversation_id, e.ref_seq, e.actor_id,
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
      const [refSeq, actor] = columnsOf(event);
      insert.run(
        user,
        seq,
        event.type,
        at,
        event.conversationId,
        refSeq,
        actor === null ? null : userKey(actor),
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

function columnsOf(event: InboxEventRecord): [refSeq: number, actor: string | null] {
  switch (event.type) {
    case 'message':
      return [event.messageSeq, null];
    case 'recall':
      return [event.messageSeq, event.by];
    case 'read':
      return [event.readSeq, null];
    case 'receipt':
      return [event.readSeq, event.by];
  }
}

function toEvent(row: EventRow): StoredInboxEvent | null {
  const { seq, at, conversation_id: conversationId, ref_seq: ref, actor_id: actor } = row;
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
    default:
      return null;
  }
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
