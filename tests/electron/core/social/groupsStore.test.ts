import { describe, expect, it } from 'vitest';
import type { InboxEvent } from '../../../../shared/protocol';
import { ME, newApi } from '../store/storeFixtures';

const G = 'g:7';
const summary = {
  groupId: '7',
  conversationId: G,
  name: 'Team',
  notice: '',
  ownerId: 'bob',
  memberCount: 3,
  dissolved: false,
};
let inboxSeq = 0;
const membership = (action: 'joined' | 'left', messageSeq: number): InboxEvent => ({
  seq: ++inboxSeq,
  at: 1,
  type: 'group',
  action,
  conversationId: G,
  messageSeq,
  by: 'bob',
});

describe('the group store', () => {
  it('applies joined and left idempotently, never letting an older event undo a newer one', () => {
    const { api, db } = newApi();
    const joined = api.applySync({ now: 10, events: [membership('joined', 1)] });
    expect(joined.conversations).toEqual([
      expect.objectContaining({
        id: G,
        kind: 'group',
        group: { groupId: '7', memberCount: 0, role: 'member', state: 'member' },
      }),
    ]);
    api.saveGroupSummaries([summary], 11);
    expect(api.getGroup('7')).toMatchObject({
      name: 'Team',
      myRole: 'member',
      memberCount: 3,
      state: 'member',
    });

    const left = membership('left', 9);
    api.applySync({ now: 12, events: [left] });
    api.applySync({ now: 13, events: [left] });
    expect(api.getGroup('7')).toMatchObject({ state: 'left', myRole: null });
    expect(db.prepare('SELECT exit_seq, membership_seq FROM chat_groups WHERE id = ?').get(G)).toEqual({
      exit_seq: 9,
      membership_seq: 9,
    });
    // A stale summary (computed before the exit) does not make the user a member again...
    api.saveGroupSummaries([summary], 14);
    expect(api.getGroup('7')?.state).toBe('left');
    // ...nor does an older `joined` arriving late; a newer one does, and history resumes.
    api.applySync({ now: 15, events: [membership('joined', 1)] });
    expect(api.getGroup('7')?.state).toBe('left');
    api.applySync({ now: 16, events: [membership('joined', 20)] });
    expect(api.getGroup('7')).toMatchObject({ state: 'member', myRole: 'member' });
    expect(db.prepare('SELECT exit_seq FROM chat_groups WHERE id = ?').pluck().get(G)).toBeNull();
  });

  it('stops the known history at the exit, so sync never asks for what comes after', () => {
    const { api } = newApi();
    api.applySync({ now: 1, events: [membership('joined', 1)] });
    api.applySync({ now: 2, conversations: [{ id: G, lastSeq: 30, readSeq: 0 }] });
    api.applySync({ now: 3, events: [membership('left', 12)] });
    expect(api.catchUpTargets()).toEqual([{ conversationId: G, top: 0, lastSeq: 12 }]);
  });

  it('keeps member profiles across refreshes, orders owner, admins, members, and knows the user’s role', () => {
    const { api } = newApi();
    api.saveGroupSummaries([summary], 1);
    const first = api.saveGroupMembers(
      '7',
      [
        { userId: 'carol', role: 'member', nickname: '', username: 'carol', displayName: 'Carol' },
        { userId: ME, role: 'admin', nickname: 'Al', username: 'alice', displayName: 'Alice' },
        { userId: 'bob', role: 'owner', nickname: '', username: 'bob', displayName: 'Bob' },
      ],
      2,
    );
    expect(first?.members.map((m) => m.userId)).toEqual(['bob', ME, 'carol']);
    expect(first?.group).toMatchObject({ myRole: 'admin', myNickname: 'Al', memberCount: 3, ownerId: 'bob' });
    expect(first?.conversation.group).toMatchObject({ role: 'admin', memberCount: 3 });
    // A refresh without profiles keeps the ones already known.
    const second = api.saveGroupMembers(
      '7',
      [
        { userId: 'bob', role: 'owner', nickname: '', username: null, displayName: null },
        { userId: ME, role: 'member', nickname: '', username: null, displayName: null },
      ],
      3,
    );
    expect(second?.members).toEqual([
      { userId: 'bob', username: 'bob', displayName: 'Bob', role: 'owner', nickname: '' },
      { userId: ME, username: 'alice', displayName: 'Alice', role: 'member', nickname: '' },
    ]);
    expect(api.membersWithoutProfile('7')).toEqual([]);
    expect(api.saveGroupMembers('404', [], 4)).toBeNull();
  });

  it('marks a group held only as history, and missing from the server’s list, as left, named from its notices', () => {
    const { api } = newApi();
    const notice = (seq: number, body: Record<string, unknown>) => ({
      id: `m${seq}`,
      conversationId: 'g:9',
      seq,
      fp: `fp-${seq}`,
      senderId: 'bob',
      sentAt: seq,
      kind: 'notice',
      body,
    });
    api.applySync({
      now: 1,
      messages: [
        notice(1, { event: 'group-created', actorId: 'bob', text: 'First name' }),
        notice(2, { event: 'group-renamed', actorId: 'bob', text: 'Second name' }),
        notice(3, { event: 'member-joined', actorId: 'bob', targetIds: ['x'] }),
      ],
    });
    api.saveGroupSummaries([summary], 2);
    const change = api.markUnlistedGroupsLeft([G], 3);
    expect(change.groups).toEqual([
      expect.objectContaining({ groupId: '9', name: 'Second name', state: 'left' }),
    ]);
    expect(change.conversations[0]).toMatchObject({ title: 'Second name', group: { state: 'left' } });
    expect(api.getGroup('7')?.state).toBe('member');
    expect(api.markUnlistedGroupsLeft([G], 4).groups).toEqual([]);
  });

  it('records dissolution, and removes only a group the user is no longer in', () => {
    const { api } = newApi();
    api.saveGroupSummaries([summary], 1);
    expect(api.removeGroupLocally(G, 2)).toBe(false);
    expect(api.markGroupDissolved('7', 3).conversations[0]?.group).toMatchObject({
      state: 'dissolved',
      role: null,
    });
    api.saveGroupSummaries([{ ...summary, name: 'Renamed' }], 4);
    expect(api.getGroup('7')).toMatchObject({ state: 'dissolved', name: 'Renamed' });
    expect(api.removeGroupLocally(G, 5)).toBe(true);
    expect(api.listGroups()).toEqual([]);
    expect(api.getGroup('7')).toBeNull();
    expect(api.removeGroupLocally(G, 6)).toBe(false);
  });
});
