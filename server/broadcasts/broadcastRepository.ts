import type { Database } from 'better-sqlite3';
import { broadcastAudienceSchema, type BroadcastAudience, type BroadcastState } from '../../shared/protocol';
import { formatId, parseId } from '../storage/ids';

export type BroadcastRecord = Readonly<{
  id: string;
  title: string;
  body: string;
  state: BroadcastState;
  audience: BroadcastAudience;
  whitelist: readonly string[];
  createdAt: number;
  updatedAt: number;
  visibleAt: number | null;
  publishedAt: number | null;
  expiresAt: number | null;
  publicSeq: number | null;
}>;

export type BroadcastContent = Readonly<{
  title: string;
  body: string;
  audience: BroadcastAudience;
  expiresAt: number | null;
}>;

/** What a refresh reads: the head and, only when the revision moved, the visible broadcasts. */
export type PublicInboxHead = Readonly<{ lastSeq: number; revision: number }>;

/**
 * Broadcast rows, their whitelists and the public inbox's head. Every write bumps the
 * revision; `bumpSeq` also gives the broadcast the next public sequence. Callers run writes
 * inside `transaction` so the sequence, the row and the revision commit together.
 */
export type BroadcastRepository = Readonly<{
  transaction<T>(work: () => T): T;
  head(): PublicInboxHead;
  find(id: string): BroadcastRecord | undefined;
  /** Newest first. */
  list(): BroadcastRecord[];
  /** Pre-released, published and recalled broadcasts not yet expired at `now`, by public sequence. */
  visible(now: number): BroadcastRecord[];
  insert(content: BroadcastContent, whitelist: readonly string[], now: number): string;
  update(id: string, content: BroadcastContent, now: number): void;
  setState(id: string, state: BroadcastState, now: number): void;
  /** Sets `visible_at` (and `published_at` when publishing) unless already set. */
  markVisible(id: string, now: number, publishing: boolean): void;
  addToWhitelist(id: string, userIds: readonly string[]): void;
  removeFromWhitelist(id: string, userIds: readonly string[]): void;
  /** Gives the broadcast the next public sequence; returns it. */
  bumpSeq(id: string): number;
  /** Marks a change that moves no sequence (drafts, stops). */
  bumpRevision(): void;
  countByState(): Record<BroadcastState, number>;
}>;

type BroadcastRow = {
  id: number;
  title: string;
  body: string;
  state: BroadcastState;
  audience: string;
  created_at: number;
  updated_at: number;
  visible_at: number | null;
  published_at: number | null;
  expires_at: number | null;
  public_seq: number | null;
};

const columns =
  'id, title, body, state, audience, created_at, updated_at, visible_at, published_at, expires_at, public_seq';

/** Unknown keys in stored JSON (a newer server's filters) are dropped rather than trusted. */
function parseAudience(text: string): BroadcastAudience {
  try {
    const parsed = broadcastAudienceSchema.safeParse(JSON.parse(text));
    // An audience we cannot read must not widen to everyone: nobody outside the whitelist sees it.
    return parsed.success ? parsed.data : { minClientVersion: '999999' };
  } catch {
    return { minClientVersion: '999999' };
  }
}

export function createBroadcastRepository(db: Database): BroadcastRepository {
  const head = db.prepare<[], { last_seq: number; revision: number }>(
    'SELECT last_seq, revision FROM public_inbox WHERE id = 1',
  );
  const find = db.prepare<[number], BroadcastRow>(`SELECT ${columns} FROM broadcasts WHERE id = ?`);
  const list = db.prepare<[], BroadcastRow>(`SELECT ${columns} FROM broadcasts ORDER BY id DESC`);
  const visible = db.prepare<[number], BroadcastRow>(
    `SELECT ${columns} FROM broadcasts
     WHERE state IN ('prerelease', 'published', 'recalled') AND (expires_at IS NULL OR expires_at > ?)
     ORDER BY public_seq`,
  );
  const whitelistOf = db.prepare<[number], { user_id: number }>(
    'SELECT user_id FROM broadcast_whitelist WHERE broadcast_id = ? ORDER BY user_id',
  );
  const insert = db.prepare<[string, string, string, number, number, number | null], { id: number }>(
    `INSERT INTO broadcasts (title, body, state, audience, created_at, updated_at, expires_at)
     VALUES (?, ?, 'draft', ?, ?, ?, ?) RETURNING id`,
  );
  const update = db.prepare<[string, string, string, number | null, number, number]>(
    'UPDATE broadcasts SET title = ?, body = ?, audience = ?, expires_at = ?, updated_at = ? WHERE id = ?',
  );
  const setState = db.prepare<[string, number, number]>(
    'UPDATE broadcasts SET state = ?, updated_at = ? WHERE id = ?',
  );
  const markVisible = db.prepare<[number, number, number, number]>(
    `UPDATE broadcasts SET visible_at = coalesce(visible_at, ?),
       published_at = CASE WHEN ? THEN coalesce(published_at, ?) ELSE published_at END
     WHERE id = ?`,
  );
  const addWhitelist = db.prepare<[number, number]>(
    'INSERT OR IGNORE INTO broadcast_whitelist (broadcast_id, user_id) VALUES (?, ?)',
  );
  const removeWhitelist = db.prepare<[number, number]>(
    'DELETE FROM broadcast_whitelist WHERE broadcast_id = ? AND user_id = ?',
  );
  const nextSeq = db.prepare<[], { last_seq: number }>(
    'UPDATE public_inbox SET last_seq = last_seq + 1, revision = revision + 1 WHERE id = 1 RETURNING last_seq',
  );
  const setSeq = db.prepare<[number, number]>('UPDATE broadcasts SET public_seq = ? WHERE id = ?');
  const bumpRevision = db.prepare('UPDATE public_inbox SET revision = revision + 1 WHERE id = 1');
  const countByState = db.prepare<[], { state: BroadcastState; n: number }>(
    'SELECT state, count(*) AS n FROM broadcasts GROUP BY state',
  );

  const key = (id: string): number => {
    const parsed = parseId(id);
    if (parsed === null) throw new Error(`not a broadcast id: ${id}`);
    return parsed;
  };
  const userKeys = (userIds: readonly string[]): number[] =>
    userIds.map((userId) => parseId(userId)).filter((id): id is number => id !== null);

  const toRecord = (row: BroadcastRow): BroadcastRecord => ({
    id: formatId(row.id),
    title: row.title,
    body: row.body,
    state: row.state,
    audience: parseAudience(row.audience),
    whitelist: whitelistOf.all(row.id).map((w) => formatId(w.user_id)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    visibleAt: row.visible_at,
    publishedAt: row.published_at,
    expiresAt: row.expires_at,
    publicSeq: row.public_seq,
  });

  return {
    transaction: (work) => db.transaction(work)(),
    head() {
      const row = head.get();
      return { lastSeq: row?.last_seq ?? 0, revision: row?.revision ?? 0 };
    },
    find(id) {
      const parsed = parseId(id);
      const row = parsed === null ? undefined : find.get(parsed);
      return row ? toRecord(row) : undefined;
    },
    list: () => list.all().map(toRecord),
    visible: (now) => visible.all(now).map(toRecord),
    insert(content, whitelist, now) {
      const row = insert.get(
        content.title,
        content.body,
        JSON.stringify(content.audience),
        now,
        now,
        content.expiresAt,
      );
      if (!row) throw new Error('broadcast insert returned no id');
      for (const userId of userKeys(whitelist)) addWhitelist.run(row.id, userId);
      bumpRevision.run();
      return formatId(row.id);
    },
    update(id, content, now) {
      update.run(
        content.title,
        content.body,
        JSON.stringify(content.audience),
        content.expiresAt,
        now,
        key(id),
      );
      bumpRevision.run();
    },
    setState(id, state, now) {
      setState.run(state, now, key(id));
      bumpRevision.run();
    },
    markVisible(id, now, publishing) {
      markVisible.run(now, publishing ? 1 : 0, now, key(id));
    },
    addToWhitelist(id, userIds) {
      for (const userId of userKeys(userIds)) addWhitelist.run(key(id), userId);
      bumpRevision.run();
    },
    removeFromWhitelist(id, userIds) {
      for (const userId of userKeys(userIds)) removeWhitelist.run(key(id), userId);
      bumpRevision.run();
    },
    bumpSeq(id) {
      const row = nextSeq.get();
      if (!row) throw new Error('public inbox head missing');
      setSeq.run(row.last_seq, key(id));
      return row.last_seq;
    },
    bumpRevision() {
      bumpRevision.run();
    },
    countByState() {
      const counts: Record<BroadcastState, number> = {
        draft: 0,
        prerelease: 0,
        published: 0,
        stopped: 0,
        recalled: 0,
      };
      for (const row of countByState.all()) counts[row.state] = row.n;
      return counts;
    },
  };
}
