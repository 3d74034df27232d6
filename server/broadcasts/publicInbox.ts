import type { PublicEvent, WireBroadcast } from '../../shared/protocol';
import { matchesAudience, type Viewer } from './audience';
import type { BroadcastRecord, BroadcastRepository } from './broadcastRepository';

/** One visible broadcast as the in-memory public inbox holds it. */
type Entry = Readonly<{
  seq: number;
  record: BroadcastRecord;
  whitelist: ReadonlySet<string>;
  event: PublicEvent;
}>;

type Snapshot = Readonly<{ lastSeq: number; revision: number; entries: readonly Entry[] }>;

export type PublicPage = Readonly<{ events: PublicEvent[]; max: number; hasMore: boolean }>;

/**
 * The public inbox in memory. It is always replaced whole by a read of storage (never patched
 * by this server's own writes), so every snapshot is consistent: all sequences up to its
 * `lastSeq` that are visible are in it, even those another server wrote. Pulls and cursors
 * read only the snapshot.
 */
export type PublicInbox = Readonly<{
  /** Reads storage if its revision moved (or `force`); true when the snapshot changed. */
  refresh(force?: boolean): boolean;
  lastSeq(): number;
  /**
   * The highest sequence this user may see, counting the whitelist but not the audience
   * filters (those depend on the device and are applied when it pulls).
   */
  cursorFor(userId: string, now: number): number;
  pull(viewer: Viewer, after: number, limit: number, now: number): PublicPage;
}>;

function toWire(record: BroadcastRecord): WireBroadcast {
  return {
    id: record.id,
    title: record.title,
    body: record.body,
    publishedAt: record.publishedAt ?? record.visibleAt ?? record.updatedAt,
    expiresAt: record.expiresAt,
    prerelease: record.state === 'prerelease',
  };
}

function toEntry(record: BroadcastRecord): Entry | null {
  if (record.publicSeq === null) return null;
  const seq = record.publicSeq;
  const event: PublicEvent =
    record.state === 'recalled'
      ? { seq, at: record.updatedAt, type: 'broadcast-recall', broadcastId: record.id }
      : { seq, at: record.visibleAt ?? record.updatedAt, type: 'broadcast', broadcast: toWire(record) };
  return { seq, record, whitelist: new Set(record.whitelist), event };
}

/** Visible to the user before the audience filters: the whitelist, or anything published. */
function reaches(entry: Entry, userId: string): boolean {
  const { state, publishedAt } = entry.record;
  if (state === 'published') return true;
  // A recall of something only ever pre-released concerns the whitelist alone.
  if (state === 'recalled' && publishedAt !== null) return true;
  return entry.whitelist.has(userId);
}

function live(entry: Entry, now: number): boolean {
  return entry.record.expiresAt === null || entry.record.expiresAt > now;
}

export function createPublicInbox(
  deps: Readonly<{ repository: Pick<BroadcastRepository, 'head' | 'visible'>; now: () => number }>,
): PublicInbox {
  let snapshot: Snapshot = { lastSeq: 0, revision: -1, entries: [] };

  const load = (): Snapshot => {
    const head = deps.repository.head();
    const entries = deps.repository
      .visible(deps.now())
      .map(toEntry)
      .filter((entry): entry is Entry => entry !== null);
    return { lastSeq: head.lastSeq, revision: head.revision, entries };
  };

  const cursorFor = (userId: string, now: number): number => {
    const { entries } = snapshot;
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i] as Entry;
      if (live(entry, now) && reaches(entry, userId)) return entry.seq;
    }
    return 0;
  };

  return {
    refresh(force = false) {
      if (!force && deps.repository.head().revision === snapshot.revision) return false;
      snapshot = load();
      return true;
    },
    lastSeq: () => snapshot.lastSeq,
    cursorFor,
    pull(viewer, after, limit, now) {
      const events: PublicEvent[] = [];
      for (const entry of snapshot.entries) {
        if (entry.seq <= after || !live(entry, now) || !reaches(entry, viewer.userId)) continue;
        const whitelisted = entry.whitelist.has(viewer.userId);
        // Tombstones go to everyone the broadcast reached; filters decide only who gets a notice.
        if (
          entry.record.state === 'published' &&
          !whitelisted &&
          !matchesAudience(entry.record.audience, viewer)
        )
          continue;
        if (events.length === limit) {
          const last = events.at(-1) as PublicEvent;
          return { events, max: last.seq, hasMore: true };
        }
        events.push(entry.event);
      }
      return { events, max: Math.max(after, cursorFor(viewer.userId, now)), hasMore: false };
    },
  };
}
