import type { Database } from 'better-sqlite3';
import type { Peer } from '../../../shared/ipc';
import type { ConversationRow } from './rows';

export type LastMessage = Readonly<{ preview: string; sentAt: number; outgoing: boolean }>;

/** The only SQL that touches `conversations`. */
export function createConversationRepository(db: Database) {
  const byId = db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE id = ?');
  const visible = db.prepare<[], ConversationRow>(
    'SELECT * FROM conversations WHERE hidden = 0 ORDER BY pinned DESC, updated_at DESC, id',
  );
  const all = db.prepare<[], ConversationRow>('SELECT * FROM conversations ORDER BY id');
  const insertIfMissing = db.prepare<[string, 'direct' | 'group', string | null, number, number]>(`
    INSERT INTO conversations (id, kind, peer_user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO NOTHING`);
  const setPeer = db.prepare<{ id: string; userId: string; username: string; displayName: string }>(`
    UPDATE conversations
    SET peer_user_id = @userId, peer_username = @username, peer_display_name = @displayName
    WHERE id = @id
      AND (peer_user_id IS NOT @userId OR peer_username IS NOT @username OR peer_display_name IS NOT @displayName)`);
  const setLast = db.prepare<{
    id: string;
    preview: string | null;
    sentAt: number | null;
    outgoing: number | null;
  }>(`
    UPDATE conversations SET last_preview = @preview, last_sent_at = @sentAt, last_outgoing = @outgoing,
      updated_at = MAX(updated_at, COALESCE(@sentAt, 0))
    WHERE id = @id`);
  const setUnread = db.prepare<[number, number, string]>(
    'UPDATE conversations SET unread = ?, mentioned = ? WHERE id = ?',
  );
  const touch = db.prepare<[number, string]>(
    'UPDATE conversations SET updated_at = MAX(updated_at, ?) WHERE id = ?',
  );
  const setPinned = db.prepare<[number, string]>('UPDATE conversations SET pinned = ? WHERE id = ?');
  const setMuted = db.prepare<[number, string]>('UPDATE conversations SET muted = ? WHERE id = ?');
  const setDraft = db.prepare<[string, string]>('UPDATE conversations SET draft = ? WHERE id = ?');
  const raiseReadSeq = db.prepare<[number, string]>(
    'UPDATE conversations SET read_seq = MAX(read_seq, ?) WHERE id = ?',
  );
  const raiseReadSynced = db.prepare<[number, string]>(
    'UPDATE conversations SET read_seq_synced = MAX(read_seq_synced, ?) WHERE id = ?',
  );
  const raisePeerRead = db.prepare<[number, string, number]>(
    'UPDATE conversations SET peer_read_seq = MAX(peer_read_seq, ?) WHERE id = ? AND peer_read_seq < ?',
  );
  const raiseLastSeq = db.prepare<[number, string]>(
    'UPDATE conversations SET last_seq = MAX(last_seq, ?) WHERE id = ?',
  );
  const setFloor = db.prepare<[number | null, string]>('UPDATE conversations SET floor_seq = ? WHERE id = ?');
  const setHistoryStart = db.prepare<[number, string]>(
    'UPDATE conversations SET history_start = MAX(history_start, ?) WHERE id = ?',
  );
  const hide = db.prepare<[number, string]>(`
    UPDATE conversations SET hidden = 1, cleared_seq = MAX(cleared_seq, ?), unread = 0, mentioned = 0,
      draft = '', pinned = 0, last_preview = NULL, last_sent_at = NULL, last_outgoing = NULL
    WHERE id = ?`);
  const unhide = db.prepare<[string]>('UPDATE conversations SET hidden = 0 WHERE id = ? AND hidden = 1');
  const unsyncedReads = db.prepare<[], { id: string; read_seq: number }>(
    'SELECT id, read_seq FROM conversations WHERE read_seq > read_seq_synced ORDER BY id',
  );

  return {
    byId(id: string): ConversationRow | undefined {
      return byId.get(id);
    },
    /** What the list shows: not deleted here, pinned first, then the most recently active. */
    visible(): ConversationRow[] {
      return visible.all();
    },
    all(): ConversationRow[] {
      return all.all();
    },
    /** True when the row was created now. `updatedAt` defaults to the creation time. */
    insertIfMissing(
      id: string,
      kind: 'direct' | 'group',
      peerUserId: string | null,
      now: number,
      updatedAt: number = now,
    ): boolean {
      return insertIfMissing.run(id, kind, peerUserId, now, updatedAt).changes === 1;
    },
    /** True when anything about the peer changed. */
    setPeer(id: string, peer: Peer): boolean {
      return (
        setPeer.run({ id, userId: peer.userId, username: peer.username, displayName: peer.displayName })
          .changes === 1
      );
    },
    setLastMessage(id: string, last: LastMessage | null): void {
      setLast.run({
        id,
        preview: last?.preview ?? null,
        sentAt: last?.sentAt ?? null,
        outgoing: last === null ? null : last.outgoing ? 1 : 0,
      });
    },
    setUnread(id: string, count: number, mentioned: boolean): void {
      setUnread.run(count, mentioned ? 1 : 0, id);
    },
    touch(id: string, at: number): void {
      touch.run(at, id);
    },
    setPinned(id: string, pinned: boolean): boolean {
      return setPinned.run(pinned ? 1 : 0, id).changes === 1;
    },
    setMuted(id: string, muted: boolean): boolean {
      return setMuted.run(muted ? 1 : 0, id).changes === 1;
    },
    setDraft(id: string, draft: string): boolean {
      return setDraft.run(draft, id).changes === 1;
    },
    /** Read positions only move forward. */
    raiseReadSeq(id: string, seq: number): void {
      raiseReadSeq.run(seq, id);
    },
    raiseReadSynced(id: string, seq: number): void {
      raiseReadSynced.run(seq, id);
    },
    /** True when the peer's read position moved. */
    raisePeerReadSeq(id: string, seq: number): boolean {
      return raisePeerRead.run(seq, id, seq).changes === 1;
    },
    raiseLastSeq(id: string, seq: number): void {
      raiseLastSeq.run(seq, id);
    },
    setFloor(id: string, floor: number | null): void {
      setFloor.run(floor, id);
    },
    /** The server keeps nothing older than `seq` in this conversation. */
    setHistoryStart(id: string, seq: number): void {
      setHistoryStart.run(seq, id);
    },
    /** Deleted on this device: hidden, and nothing up to `clearedSeq` may come back. */
    hide(id: string, clearedSeq: number): void {
      hide.run(clearedSeq, id);
    },
    /** True when the conversation was hidden. */
    unhide(id: string): boolean {
      return unhide.run(id).changes === 1;
    },
    /** Conversations read here further than the server has confirmed. */
    unsyncedReads(): Array<{ id: string; read_seq: number }> {
      return unsyncedReads.all();
    },
  };
}

export type ConversationRepository = ReturnType<typeof createConversationRepository>;
