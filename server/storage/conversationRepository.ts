import type { Database } from 'better-sqlite3';
import { formatId, parseId } from './ids';

export type ConversationSummary = Readonly<{
  id: string;
  kind: string;
  lastSeq: number;
  readSeq: number;
  /** One-to-one: how far the other member has read. */
  peerReadSeq: number | null;
}>;

/** Conversations, their members and each member's read state. */
export type ConversationRepository = Readonly<{
  /** Creates the conversation with these members unless it exists (then nothing changes). */
  ensure(conversationId: string, kind: string, memberIds: readonly string[], now: number): void;
  isMember(conversationId: string, userId: string): boolean;
  memberIds(conversationId: string): string[];
  lastSeq(conversationId: string): number | undefined;
  /** Moves a member's read sequence forward to `seq`; never back. Undefined for a non-member. */
  advanceRead(
    conversationId: string,
    userId: string,
    seq: number,
  ): { readSeq: number; moved: boolean } | undefined;
  /** The user's conversations, most recently active first. */
  listForUser(userId: string): ConversationSummary[];
}>;

type SummaryRow = {
  id: string;
  kind: string;
  last_seq: number;
  read_seq: number;
  peer_read_seq: number | null;
};

export function createConversationRepository(db: Database): ConversationRepository {
  const create = db.prepare<[string, string, number]>(
    'INSERT INTO conversations (id, kind, last_seq, created_at) VALUES (?, ?, 0, ?) ON CONFLICT (id) DO NOTHING',
  );
  const addMember = db.prepare<[string, number, number]>(
    'INSERT INTO conversation_members (conversation_id, user_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const member = db.prepare<[string, number], { read_seq: number }>(
    'SELECT read_seq FROM conversation_members WHERE conversation_id = ? AND user_id = ?',
  );
  const members = db.prepare<[string], { user_id: number }>(
    'SELECT user_id FROM conversation_members WHERE conversation_id = ? ORDER BY user_id',
  );
  const lastSeq = db.prepare<[string], { last_seq: number }>(
    'SELECT last_seq FROM conversations WHERE id = ?',
  );
  const advance = db.prepare<[number, string, number, number], { read_seq: number }>(
    `UPDATE conversation_members SET read_seq = ?
     WHERE conversation_id = ? AND user_id = ? AND read_seq < ?
     RETURNING read_seq`,
  );
  // Activity order: the id of each conversation's newest message (ids grow with time).
  const list = db.prepare<[number, number], SummaryRow>(
    `SELECT c.id, c.kind, c.last_seq, me.read_seq,
            CASE WHEN c.kind = 'direct' THEN
              (SELECT p.read_seq FROM conversation_members p WHERE p.conversation_id = c.id AND p.user_id <> ?)
            END AS peer_read_seq
     FROM conversation_members me JOIN conversations c ON c.id = me.conversation_id
     WHERE me.user_id = ?
     ORDER BY (SELECT m.id FROM messages m WHERE m.conversation_id = c.id AND m.seq = c.last_seq) DESC, c.id`,
  );

  const userKey = (id: string): number => {
    const key = parseId(id);
    if (key === null) throw new Error('malformed user id');
    return key;
  };

  return {
    ensure(conversationId, kind, memberIds, now) {
      if (create.run(conversationId, kind, now).changes === 0) return;
      for (const id of memberIds) addMember.run(conversationId, userKey(id), now);
    },
    isMember(conversationId, userId) {
      const key = parseId(userId);
      return key !== null && member.get(conversationId, key) !== undefined;
    },
    memberIds: (conversationId) => members.all(conversationId).map((row) => formatId(row.user_id)),
    lastSeq: (conversationId) => lastSeq.get(conversationId)?.last_seq,
    advanceRead(conversationId, userId, seq) {
      const key = parseId(userId);
      if (key === null) return undefined;
      const moved = advance.get(seq, conversationId, key, seq);
      if (moved) return { readSeq: moved.read_seq, moved: true };
      const current = member.get(conversationId, key);
      return current ? { readSeq: current.read_seq, moved: false } : undefined;
    },
    listForUser(userId) {
      const key = parseId(userId);
      if (key === null) return [];
      return list.all(key, key).map((row) => ({
        id: row.id,
        kind: row.kind,
        lastSeq: row.last_seq,
        readSeq: row.read_seq,
        peerReadSeq: row.peer_read_seq,
      }));
    },
  };
}
