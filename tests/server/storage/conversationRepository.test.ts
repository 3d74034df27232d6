import { describe, expect, it } from 'vitest';
import { coreDb } from './coreDb';

describe('conversation repository', () => {
  it('creates a conversation once, with its members', () => {
    const { conversations, alice, bob, user, direct } = coreDb();
    conversations.ensure(direct, 'direct', [alice, bob], 1);
    conversations.ensure(direct, 'direct', [alice, user('carol')], 2);
    expect(conversations.memberIds(direct)).toEqual([alice, bob]);
    expect(conversations.isMember(direct, alice)).toBe(true);
    expect(conversations.isMember(direct, '999')).toBe(false);
    expect(conversations.isMember(direct, "1' OR 1=1 --")).toBe(false);
    expect(conversations.lastSeq(direct)).toBe(0);
    expect(conversations.lastSeq('nope')).toBeUndefined();
  });

  it('moves read state forward only, and lists conversations by activity with the peer’s read state', () => {
    const { conversations, messages, alice, bob, user } = coreDb();
    const carol = user('carol');
    const withBob = `d:${alice}:${bob}`;
    const withCarol = `d:${alice}:${carol}`;
    conversations.ensure(withBob, 'direct', [alice, bob], 1);
    conversations.ensure(withCarol, 'direct', [alice, carol], 1);
    const say = (conversationId: string, senderId: string, fp: string) =>
      messages.append({ conversationId, senderId, fp, sentAt: 1, kind: 'text', bodyJson: '{}' });
    say(withBob, bob, 'b1');
    say(withBob, bob, 'b2');
    say(withCarol, carol, 'c1');

    expect(conversations.advanceRead(withBob, alice, 2)).toEqual({ readSeq: 2, moved: true });
    expect(conversations.advanceRead(withBob, alice, 1)).toEqual({ readSeq: 2, moved: false });
    expect(conversations.advanceRead(withBob, carol, 1)).toBeUndefined();
    expect(conversations.advanceRead(withBob, bob, 2)).toEqual({ readSeq: 2, moved: true });

    expect(conversations.listForUser(alice)).toEqual([
      { id: withCarol, kind: 'direct', lastSeq: 1, readSeq: 0, peerReadSeq: 0 },
      { id: withBob, kind: 'direct', lastSeq: 2, readSeq: 2, peerReadSeq: 2 },
    ]);
    say(withBob, bob, 'b3');
    expect(conversations.listForUser(alice).map((c) => c.id)).toEqual([withBob, withCarol]);
    expect(conversations.listForUser('not-an-id')).toEqual([]);
  });
});
