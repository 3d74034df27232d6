import type { Database } from 'better-sqlite3';
import type { Peer } from '../../../shared/ipc';
import type { ConversationRow } from './rows';

export type LastMessage = Readonly<{ preview: string; sentAt: number; outgoing: boolean }>;

/** The only SQL that touches `conversations`. */
export function createConversationRepository(db: Database) {
  const byId = db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE id = ?');
  const all = db.prepare<[], ConversationRow>('SELECT * FROM conversations ORDER BY updated_at DESC, id');
  const insertIfMissing = db.prepare<[string, string | null, number, number]>(`
    INSERT INTO conversations (id, peer_user_id, created_at, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO NOTHING`);
  const setPeer = db.prepare<{ id: string; userId: string; username: string; displayName: string }>(`
    UPDATE conversations
    SET peer_user_id = @userId, peer_username = @username, peer_display_name = @displayName
    WHERE id = @id
      AND (peer_user_id IS NOT @userId OR peer_username IS NOT @username OR peer_display_name IS NOT @displayName)`);
  // Only a message at least as new as the current last one replaces it (history may arrive late).
  const noteMessage = db.prepare<{
    id: string;
    preview: string;
    sentAt: number;
    outgoing: number;
    unreadDelta: number;
    now: number;
  }>(`
    UPDATE conversations SET
      last_preview = CASE WHEN last_sent_at IS NULL OR @sentAt >= last_sent_at THEN @preview ELSE last_preview END,
      last_outgoing = CASE WHEN last_sent_at IS NULL OR @sentAt >= last_sent_at THEN @outgoing ELSE last_outgoing END,
      last_sent_at = CASE WHEN last_sent_at IS NULL OR @sentAt >= last_sent_at THEN @sentAt ELSE last_sent_at END,
      unread = unread + @unreadDelta,
      updated_at = MAX(updated_at, @now)
    WHERE id = @id`);

  return {
    byId(id: string): ConversationRow | undefined {
      return byId.get(id);
    },
    all(): ConversationRow[] {
      return all.all();
    },
    /** True when the row was created now. */
    insertIfMissing(id: string, peerUserId: string | null, now: number): boolean {
      return insertIfMissing.run(id, peerUserId, now, now).changes === 1;
    },
    /** True when anything about the peer changed. */
    setPeer(id: string, peer: Peer): boolean {
      return (
        setPeer.run({ id, userId: peer.userId, username: peer.username, displayName: peer.displayName })
          .changes === 1
      );
    },
    noteMessage(id: string, last: LastMessage, unreadDelta: number, now: number): void {
      noteMessage.run({
        id,
        preview: last.preview,
        sentAt: last.sentAt,
        outgoing: last.outgoing ? 1 : 0,
        unreadDelta,
        now,
      });
    },
  };
}

export type ConversationRepository = ReturnType<typeof createConversationRepository>;
