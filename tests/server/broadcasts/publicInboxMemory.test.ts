import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { compareClientVersions, type Notify } from '../../../shared/protocol';
import { matchesAudience } from '../../../server/broadcasts/audience';
import { createBroadcastAdmin, type BroadcastAdmin } from '../../../server/broadcasts/broadcastAdmin';
import {
  createBroadcastRepository,
  type BroadcastRepository,
} from '../../../server/broadcasts/broadcastRepository';
import { createPublicInbox, type PublicInbox } from '../../../server/broadcasts/publicInbox';
import { createPublicNotifier } from '../../../server/broadcasts/publicNotifier';
import { createLogger } from '../../../server/log/logger';
import type { OnlineDevice } from '../../../server/services/presence';
import { openDatabase } from '../../../server/storage/database';
import { tempDir } from '../../helpers/serverProcess';
import { manualScheduler } from '../services/manualScheduler';

const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A real database file with three users, the repository over it, and an inbox reading it. */
function setup(now = 1_000) {
  const file = path.join(tempDir('tidings-public-'), 'tidings.db');
  const db = openDatabase(file);
  open.push(db);
  for (const name of ['ann', 'ben', 'cat'])
    db.prepare(
      "INSERT INTO users (username, password_hash, display_name, created_at) VALUES (?, '', ?, 0)",
    ).run(name, name);
  const repository = createBroadcastRepository(db);
  let visibleReads = 0;
  const counting: BroadcastRepository = {
    ...repository,
    visible: (at) => {
      visibleReads++;
      return repository.visible(at);
    },
  };
  const clock = { now: () => now };
  const inbox: PublicInbox = createPublicInbox({ repository: counting, now: clock.now });
  inbox.refresh(true);
  const admin: BroadcastAdmin = createBroadcastAdmin({
    repository,
    users: { exists: (id) => ['1', '2', '3'].includes(id) },
    clock,
    logger: createLogger('silent'),
    changed: () => void inbox.refresh(),
  });
  return { db, file, repository, inbox, admin, reads: () => visibleReads };
}

const viewer = (userId: string) => ({ userId, previousActivity: 0, clientVersion: '1.0' });

describe('the in-memory public inbox', () => {
  it('serves pulls and cursors from memory: storage is read only when its revision moved', () => {
    const { inbox, admin, reads } = setup();
    const draft = admin.create({ title: 't', body: 'b', expiresAt: null, audience: {}, whitelist: [] });
    admin.publish(draft.id);
    const before = reads();
    for (let i = 0; i < 50; i++) {
      expect(inbox.pull(viewer('1'), 0, 10, 1_000).events).toHaveLength(1);
      expect(inbox.cursorFor('2', 1_000)).toBe(inbox.lastSeq());
      expect(inbox.refresh()).toBe(false);
    }
    expect(reads()).toBe(before);
  });

  it('sees another server’s writes only through a refresh, whole', () => {
    const { file, inbox, admin } = setup();
    const other = openDatabase(file);
    open.push(other);
    const otherAdmin = createBroadcastAdmin({
      repository: createBroadcastRepository(other),
      users: { exists: () => true },
      clock: { now: () => 1_000 },
      logger: createLogger('silent'),
      changed: () => undefined,
    });
    const mine = admin.create({ title: 'mine', body: 'b', expiresAt: null, audience: {}, whitelist: [] });
    const theirs = otherAdmin.create({
      title: 'theirs',
      body: 'b',
      expiresAt: null,
      audience: {},
      whitelist: [],
    });
    otherAdmin.publish(theirs.id);
    expect(inbox.cursorFor('1', 1_000)).toBe(0);
    admin.publish(mine.id);
    // Our own change refreshed the snapshot whole: theirs (lower sequence) is in it too.
    const pulled = inbox.pull(viewer('1'), 0, 10, 1_000);
    expect(pulled.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(pulled.max).toBe(2);
  });

  it('pages with skipped entries: max is the last event of a full page, then the user’s cursor', () => {
    const { inbox, admin } = setup();
    const ids: string[] = [];
    for (const [i, audience] of [{}, { minClientVersion: '9' }, {}, { minClientVersion: '9' }].entries()) {
      const draft = admin.create({ title: `n${i}`, body: 'b', expiresAt: null, audience, whitelist: [] });
      ids.push(admin.publish(draft.id).id);
    }
    const first = inbox.pull(viewer('1'), 0, 1, 1_000);
    expect(first).toMatchObject({ max: 1, hasMore: true });
    const second = inbox.pull(viewer('1'), first.max, 1, 1_000);
    expect(second.events.map((e) => e.seq)).toEqual([3]);
    // Nothing more qualifies: the cursor jumps past the skipped fourth entry.
    expect(second).toMatchObject({ max: 4, hasMore: false });
  });

  it('keeps pre-releases to the whitelist and tombstones of pre-releases to the whitelist too', () => {
    const { inbox, admin } = setup();
    const draft = admin.create({ title: 'pre', body: 'b', expiresAt: null, audience: {}, whitelist: ['1'] });
    admin.prerelease(draft.id);
    expect(inbox.cursorFor('1', 1_000)).toBe(1);
    expect(inbox.cursorFor('2', 1_000)).toBe(0);
    const recalled = admin.recall(draft.id);
    expect(inbox.pull(viewer('1'), 1, 10, 1_000).events).toEqual([
      { seq: recalled.publicSeq, at: 1_000, type: 'broadcast-recall', broadcastId: draft.id },
    ]);
    expect(inbox.pull(viewer('2'), 0, 10, 1_000).events).toEqual([]);
  });

  it('drops an entry from pulls and cursors the moment it expires, before any refresh', () => {
    const { inbox, admin } = setup();
    const draft = admin.create({ title: 'soon', body: 'b', expiresAt: 5_000, audience: {}, whitelist: [] });
    admin.publish(draft.id);
    expect(inbox.pull(viewer('1'), 0, 10, 4_999).events).toHaveLength(1);
    expect(inbox.pull(viewer('1'), 0, 10, 5_000).events).toHaveLength(0);
    expect(inbox.cursorFor('1', 5_000)).toBe(0);
  });
});

describe('audience filters', () => {
  it('compares versions numerically and needs every filter given', () => {
    expect(compareClientVersions('1.10', '1.9')).toBe(1);
    expect(compareClientVersions('2', '2.0.0')).toBe(0);
    expect(compareClientVersions('0.9.9', '1')).toBe(-1);
    const audience = { activeSince: 100, minClientVersion: '1.2' };
    expect(matchesAudience(audience, { userId: '1', previousActivity: 100, clientVersion: '1.2.0' })).toBe(
      true,
    );
    expect(matchesAudience(audience, { userId: '1', previousActivity: 99, clientVersion: '1.2.0' })).toBe(
      false,
    );
    expect(matchesAudience(audience, { userId: '1', previousActivity: null, clientVersion: '1.2' })).toBe(
      false,
    );
    expect(matchesAudience(audience, { userId: '1', previousActivity: 100, clientVersion: null })).toBe(
      false,
    );
    expect(matchesAudience({}, { userId: '1', previousActivity: null, clientVersion: null })).toBe(true);
  });
});

describe('public notifies', () => {
  it('spreads notifies over the jitter window, one per user however many changes, to Tidings devices only', () => {
    const { scheduler, advance, pending } = manualScheduler();
    const sent: { device: string; notify: Notify }[] = [];
    const device = (userId: string, deviceId: string, kind: 'tidings' | 'stock'): OnlineDevice => ({
      userId,
      deviceId,
      kind,
      notify: (notify) => sent.push({ device: deviceId, notify }) > 0,
      pushText: () => true,
    });
    const online: Record<string, OnlineDevice[]> = {
      '1': [device('1', 'a-desktop', 'tidings'), device('1', 'a-stock', 'stock')],
      '2': [device('2', 'b-desktop', 'tidings')],
    };
    const delays = [0.1, 0.9];
    let cursor = 7;
    const notifier = createPublicNotifier({
      presence: { devicesOf: (userId) => online[userId] ?? [] },
      cursors: () => ({ inbox: 0, public: cursor }),
      scheduler,
      jitterMs: 1_000,
      random: () => delays.shift() ?? 0,
    });
    notifier.notify(['1', '2']);
    notifier.notify(['1', '2']);
    expect(pending()).toBe(2);
    advance(100);
    expect(sent.map((s) => s.device)).toEqual(['a-desktop']);
    cursor = 8;
    advance(800);
    expect(sent).toEqual([
      { device: 'a-desktop', notify: { cursors: { inbox: 0, public: 7 } } },
      { device: 'b-desktop', notify: { cursors: { inbox: 0, public: 8 } } },
    ]);
    notifier.notify(['1']);
    notifier.close();
    advance(2_000);
    expect(sent).toHaveLength(2);
  });
});
