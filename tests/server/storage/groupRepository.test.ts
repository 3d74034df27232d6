import { describe, expect, it } from 'vitest';
import { createGroupRepository, groupIdOf } from '../../../server/storage/groupRepository';
import { coreDb } from './coreDb';

describe('group repository', () => {
  it('keeps departed members with their exit sequence and counts current ones', () => {
    const { db, conversations, alice, bob, user } = coreDb();
    const carol = user('carol');
    const groups = createGroupRepository(db);
    const group = groups.create('G', alice, [bob, carol, alice], 1);
    expect(group).toMatchObject({ name: 'G', ownerId: alice, memberCount: 3, dissolved: false });
    expect(groupIdOf(group.conversationId)).toBe(group.id);
    expect(conversations.isMember(group.conversationId, carol)).toBe(true);

    groups.remove(group.id, carol, 4);
    expect(groups.membership(group.id, carol)).toEqual({ role: 'member', nickname: '', leftSeq: 4 });
    expect(conversations.isMember(group.conversationId, carol)).toBe(false);
    expect(groups.find(group.id)?.memberCount).toBe(2);
    expect(groups.groupsOf(carol)).toEqual([]);

    groups.add(group.id, carol, 5);
    expect(groups.membership(group.id, carol)?.leftSeq).toBeNull();
    expect(groups.largeGroupCursors(alice, 2)).toEqual({ [group.conversationId]: 0 });
    expect(groups.largeGroupCursors(alice, 3)).toEqual({});
    groups.dissolve(group.id, 6);
    expect(groups.find(group.id)?.dissolved).toBe(true);
  });

  it('reads only its own conversation ids', () => {
    expect(groupIdOf('g:12')).toBe('12');
    expect(groupIdOf('g:012')).toBeNull();
    expect(groupIdOf('d:1:2')).toBeNull();
  });
});
