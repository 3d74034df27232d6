import Database from 'better-sqlite3';

export type SeedOptions = Readonly<{
  dbFile: string;
  /** The account's own user id. */
  me: string;
  peer: Readonly<{ userId: string; username: string; displayName: string }>;
  count: number;
  /** The newest message's time; older ones are a minute apart. */
  newestAt: number;
  /** Message ids are `<prefix>-<seq>`; ids are unique across conversations. */
  idPrefix?: string;
}>;

/**
 * Writes a long one-to-one history straight into an account's SQLite store (the engine must be
 * stopped), as sync would have left it: the conversation with its preview and sequences, its
 * history complete down to the first message, and every message read. Returns the conversation id.
 */
export function seedHistory({ dbFile, me, peer, count, newestAt, idPrefix = 'seed' }: SeedOptions): string {
  const conversationId = `d:${[me, peer.userId].sort().join(':')}`;
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    const text = (seq: number): string => `History line ${seq} — 第 ${seq} 条消息`;
    const sentAt = (seq: number): number => newestAt - (count - seq) * 60_000;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO conversations (id, kind, peer_user_id, peer_username, peer_display_name, last_preview,
           last_sent_at, last_outgoing, unread, created_at, updated_at, last_seq, read_seq, read_seq_synced,
           floor_seq, history_start)
         VALUES (?, 'direct', ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, 1, 1)`,
      ).run(
        conversationId,
        peer.userId,
        peer.username,
        peer.displayName,
        text(count),
        sentAt(count),
        sentAt(1),
        sentAt(count),
        count,
        count,
        count,
      );
      const insert = db.prepare(
        `INSERT INTO messages (fp, conversation_id, seq, sender_id, outgoing, sent_at, kind, body, status)
         VALUES (?, ?, ?, ?, ?, ?, 'text', ?, ?)`,
      );
      for (let seq = 1; seq <= count; seq += 1) {
        const outgoing = seq % 3 === 0;
        insert.run(
          `${idPrefix}-${seq}`,
          conversationId,
          seq,
          outgoing ? me : peer.userId,
          outgoing ? 1 : 0,
          sentAt(seq),
          JSON.stringify({ text: text(seq) }),
          outgoing ? 'read' : 'received',
        );
      }
    })();
  } finally {
    db.close();
  }
  return conversationId;
}
