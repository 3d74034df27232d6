import { describe, expect, it } from 'vitest';
import { createFriendRepository } from '../../../server/storage/friendRepository';
import { coreDb } from './coreDb';

describe('friend repository', () => {
  it('keeps one row per direction and removes both', () => {
    const { db, alice, bob } = coreDb();
    const friends = createFriendRepository(db);
    friends.setPending(alice, bob, 'hi', 5);
    expect(friends.state(alice, bob)).toBe('outgoing');
    expect(friends.state(bob, alice)).toBe('incoming');
    expect(friends.list(bob)).toEqual([{ peerId: alice, state: 'incoming', message: 'hi', updatedAt: 5 }]);
    friends.setFriends(bob, alice, 6);
    expect(friends.friendIds(alice)).toEqual([bob]);
    expect(friends.remove(bob, alice)).toBe(true);
    expect(friends.remove(bob, alice)).toBe(false);
    expect(friends.state(alice, bob)).toBeNull();
    expect(friends.state('nonsense', bob)).toBeNull();
  });

  it('blocks one way', () => {
    const { db, alice, bob } = coreDb();
    const friends = createFriendRepository(db);
    expect(friends.block(alice, bob, 1)).toBe(true);
    expect(friends.block(alice, bob, 2)).toBe(false);
    expect(friends.isBlocked(alice, bob)).toBe(true);
    expect(friends.isBlocked(bob, alice)).toBe(false);
    expect(friends.blockedBy(alice)).toEqual([bob]);
    expect(friends.unblock(alice, bob)).toBe(true);
    expect(friends.isBlocked(alice, bob)).toBe(false);
  });
});
