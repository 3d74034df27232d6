import { describe, expect, it } from 'vitest';
import type { FriendInboxEvent } from '../../../../shared/protocol';
import { CONV, count, newApi, peer } from '../store/storeFixtures';

let seq = 0;
const friend = (
  action: FriendInboxEvent['action'],
  peerId: string,
  at: number,
  message?: string,
): FriendInboxEvent => ({
  seq: ++seq,
  at,
  type: 'friend',
  action,
  peerId,
  ...(message === undefined ? {} : { message }),
});

describe('store: friend events', () => {
  it('applies a request, its acceptance and a deletion once each, with a tombstone at the end', () => {
    const { api, db } = newApi();
    const received = api.applySync({
      now: 10,
      events: [friend('request-received', 'carol', 5, 'hi')],
      inboxCursor: 1,
    });
    expect(received.friends).toEqual({
      contacts: [],
      removed: [],
      requests: [
        { userId: 'carol', username: '', displayName: 'carol', direction: 'incoming', message: 'hi', at: 5 },
      ],
      missingProfiles: ['carol'],
    });
    // The same event again (a notify and a pull overlapping) changes nothing.
    expect(
      api.applySync({ now: 11, events: [friend('request-received', 'carol', 5, 'hi')] }).friends,
    ).toEqual({
      contacts: [],
      removed: [],
      requests: null,
      missingProfiles: ['carol'],
    });

    const changes = api.setContactProfile({ userId: 'carol', username: 'carol', displayName: '卡罗尔' }, 12);
    expect(changes?.requests).toMatchObject([{ username: 'carol', displayName: '卡罗尔' }]);
    expect(changes?.missingProfiles).toEqual([]);
    expect(
      api.setContactProfile({ userId: 'carol', username: 'carol', displayName: '卡罗尔' }, 13),
    ).toBeNull();

    const added = api.applySync({ now: 20, events: [friend('added', 'carol', 15)] });
    expect(added.friends?.contacts).toEqual([
      {
        userId: 'carol',
        username: 'carol',
        displayName: '卡罗尔',
        remark: '',
        relation: 'friend',
        blocked: false,
        friendsSince: 15,
        presence: null,
      },
    ]);
    expect(added.friends?.requests).toEqual([]);
    expect(api.applySync({ now: 21, events: [friend('added', 'carol', 15)] }).friends).toBeNull();

    api.setContactRemark('carol', '老同学', 22);
    const deleted = api.applySync({ now: 30, events: [friend('deleted', 'carol', 25)] });
    expect(deleted.friends).toMatchObject({ contacts: [], removed: ['carol'], requests: null });
    expect(api.listContacts()).toEqual([]);
    expect(db.prepare('SELECT relation, remark, removed_at FROM contacts').all()).toEqual([
      { relation: 'none', remark: '老同学', removed_at: 25 },
    ]);
    expect(api.applySync({ now: 31, events: [friend('deleted', 'carol', 25)] }).friends).toBeNull();
  });

  it('takes a profile from a conversation with the user, and lists blocked users until unblocked', () => {
    const { api } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    const blocked = api.applySync({ now: 10, events: [friend('blocked', 'bob', 5)] });
    expect(blocked.friends?.contacts).toMatchObject([
      { userId: 'bob', username: 'bob', blocked: true, relation: 'none' },
    ]);
    expect(blocked.friends?.missingProfiles).toEqual([]);
    expect(api.applySync({ now: 11, events: [friend('unblocked', 'bob', 6)] }).friends?.removed).toEqual([
      'bob',
    ]);
    expect(api.listContacts()).toEqual([]);
  });

  it('answers nothing of a user who is no contact for a remark', () => {
    const { api } = newApi();
    expect(api.setContactRemark('zed', 'x', 1)).toBeNull();
    api.applySync({ now: 2, events: [friend('request-sent', 'zed', 1, '')] });
    expect(api.setContactRemark('zed', 'x', 3)).toBeNull();
    expect(api.listFriendRequests()).toMatchObject([{ userId: 'zed', direction: 'outgoing' }]);
  });
});

describe('store: reconcile with friend.list', () => {
  it('refuses a snapshot older than what sync applied since, then makes the lists exactly the snapshot', () => {
    const { api, db } = newApi();
    api.applySync({
      now: 10,
      events: [
        friend('added', 'bob', 1),
        friend('request-received', 'dan', 2, 'old'),
        friend('blocked', 'eve', 3),
      ],
      inboxCursor: 3,
    });
    const snapshot = {
      friends: [{ userId: 'carol', since: 7 }],
      incoming: [],
      outgoing: [{ userId: 'fay', message: 'hello', at: 8 }],
      blocked: ['gus'],
    };
    expect(api.reconcileFriends(snapshot, 2, 20)).toEqual({ stale: true });
    expect(api.listContacts().map((c) => c.userId)).toEqual(['bob', 'eve']);

    const outcome = api.reconcileFriends(snapshot, 3, 20);
    expect(outcome.stale).toBe(false);
    if (outcome.stale) return;
    expect(outcome.changes?.removed.sort()).toEqual(['bob', 'eve']);
    expect(outcome.changes?.contacts.map((c) => [c.userId, c.relation, c.blocked])).toEqual([
      ['carol', 'friend', false],
      ['gus', 'none', true],
    ]);
    expect(outcome.changes?.requests).toMatchObject([
      { userId: 'fay', direction: 'outgoing', message: 'hello' },
    ]);
    expect(count(db, 'SELECT COUNT(*) FROM contacts WHERE removed_at IS NOT NULL')).toBe(2);
    // The same snapshot again is no change.
    const again = api.reconcileFriends(snapshot, 3, 21);
    // Only the profiles still to fetch are reported again.
    expect(again.stale ? null : again.changes).toEqual({
      contacts: [],
      removed: [],
      requests: null,
      missingProfiles: ['carol', 'gus', 'fay'],
    });
  });
});

describe('store: presence', () => {
  it('keeps the newest state, drops last seen while online, and refreshes listed contacts', () => {
    const { api } = newApi();
    api.applySync({ now: 1, events: [friend('added', 'bob', 1)] });
    expect(api.applyPresence([{ userId: 'bob', online: false, lastSeen: 50 }], 60)).toEqual({
      presence: [{ userId: 'bob', online: false, lastSeen: 50 }],
      contacts: [
        expect.objectContaining({ userId: 'bob', presence: { userId: 'bob', online: false, lastSeen: 50 } }),
      ],
    });
    expect(
      api.applyPresence(
        [
          { userId: 'bob', online: true },
          { userId: 'zed', online: false },
        ],
        70,
      ),
    ).toEqual({
      presence: [
        { userId: 'bob', online: true, lastSeen: null },
        { userId: 'zed', online: false, lastSeen: null },
      ],
      contacts: [expect.objectContaining({ userId: 'bob' })],
    });
    expect(api.hideLastSeen()).toBe(false);
    api.setHideLastSeen(true);
    expect(api.hideLastSeen()).toBe(true);
  });
});
