import { describe, expect, it } from 'vitest';
import { coreDb } from './coreDb';

describe('message repository', () => {
  it('assigns gap-free seqs per conversation and finds messages by fp and by seq', () => {
    const { messages, conversations, alice, bob, direct } = coreDb();
    conversations.ensure(direct, 'direct', [alice, bob], 1);
    const sent = ['a1', 'b1', 'a2'].map((fp, i) =>
      messages.append({
        conversationId: direct,
        senderId: fp.startsWith('a') ? alice : bob,
        fp,
        sentAt: 10 + i,
        kind: 'text',
        bodyJson: JSON.stringify({ text: fp }),
      }),
    );
    expect(sent.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(sent[0]).toMatchObject({ conversationId: direct, senderId: alice, fp: 'a1', recalledAt: null });
    expect(messages.findByFp(alice, 'a2')?.seq).toBe(3);
    expect(messages.findByFp(bob, 'a2')).toBeUndefined(); // fps are per sender
    expect(messages.findByFp("1' OR '1'='1", 'a1')).toBeUndefined();
    expect(messages.findBySeq(direct, 2)?.fp).toBe('b1');
    expect(conversations.lastSeq(direct)).toBe(3);
  });

  it('refuses a repeated (sender, fp) and an unknown conversation', () => {
    const { messages, conversations, alice, bob, direct } = coreDb();
    conversations.ensure(direct, 'direct', [alice, bob], 1);
    const message = {
      conversationId: direct,
      senderId: alice,
      fp: 'x',
      sentAt: 1,
      kind: 'text',
      bodyJson: '{}',
    };
    messages.append(message);
    expect(() => messages.append(message)).toThrow(/UNIQUE/);
    expect(() => messages.append({ ...message, fp: 'y', conversationId: 'nope' })).toThrow(/does not exist/);
  });

  it('appends only to a conversation that exists when asked to, writing nothing otherwise', () => {
    const { messages, conversations, alice, bob, direct } = coreDb();
    const message = {
      conversationId: direct,
      senderId: alice,
      fp: 'x',
      sentAt: 1,
      kind: 'text',
      bodyJson: '{}',
    };
    expect(messages.appendIfConversation(message)).toBeUndefined();
    expect(messages.findByFp(alice, 'x')).toBeUndefined();
    conversations.ensure(direct, 'direct', [alice, bob], 1);
    expect(messages.appendIfConversation(message)).toMatchObject({ seq: 1, fp: 'x', senderId: alice });
    expect(conversations.lastSeq(direct)).toBe(1);
  });

  it('pages before and after a seq, ascending, and recalls once', () => {
    const { messages, conversations, alice, bob, direct } = coreDb();
    conversations.ensure(direct, 'direct', [alice, bob], 1);
    for (let i = 1; i <= 10; i++)
      messages.append({
        conversationId: direct,
        senderId: alice,
        fp: `f${i}`,
        sentAt: i,
        kind: 'text',
        bodyJson: '{}',
      });
    expect(messages.pageBefore(direct, 11, 3).map((m) => m.seq)).toEqual([8, 9, 10]);
    expect(messages.pageBefore(direct, 3, 5).map((m) => m.seq)).toEqual([1, 2]);
    expect(messages.pageAfter(direct, 7, 2).map((m) => m.seq)).toEqual([8, 9]);
    expect(messages.pageAfter(direct, 10, 2)).toEqual([]);

    const tombstone = { kind: 'notice', bodyJson: '{"event":"recall"}' };
    expect(messages.recall(direct, 4, tombstone, 99)).toBe(true);
    expect(messages.recall(direct, 4, tombstone, 100)).toBe(false);
    expect(messages.recall(direct, 42, tombstone, 100)).toBe(false);
    expect(messages.findBySeq(direct, 4)).toMatchObject({
      kind: 'notice',
      bodyJson: '{"event":"recall"}',
      recalledAt: 99,
    });
  });
});
