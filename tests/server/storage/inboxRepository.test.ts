import { describe, expect, it } from 'vitest';
import { coreDb } from './coreDb';

describe('inbox repository', () => {
  it('numbers each user’s events without gaps and pages them with their messages', () => {
    const { inbox, messages, conversations, alice, bob, direct } = coreDb();
    conversations.ensure(direct, 'direct', [alice, bob], 1);
    const message = messages.append({
      conversationId: direct,
      senderId: alice,
      fp: 'f',
      sentAt: 5,
      kind: 'text',
      bodyJson: '{"text":"hi"}',
    });
    expect(inbox.head(alice)).toEqual({ last: 0, floor: 0 });
    const first = inbox.append(alice, { type: 'message', conversationId: direct, messageSeq: 1 }, 10);
    inbox.append(bob, { type: 'message', conversationId: direct, messageSeq: 1 }, 10);
    inbox.append(alice, { type: 'read', conversationId: direct, readSeq: 1 }, 11);
    inbox.append(alice, { type: 'receipt', conversationId: direct, readSeq: 1, by: bob }, 12);
    inbox.append(alice, { type: 'recall', conversationId: direct, messageSeq: 1, by: alice }, 13);
    expect(first).toEqual({ seq: 1, at: 10, type: 'message', conversationId: direct, messageSeq: 1 });
    expect(inbox.head(alice)).toEqual({ last: 4, floor: 0 });
    expect(inbox.head(bob)).toEqual({ last: 1, floor: 0 });

    const page = inbox.page(alice, 0, 10);
    expect(page.map((e) => e.event)).toEqual([
      { seq: 1, at: 10, type: 'message', conversationId: direct, messageSeq: 1 },
      { seq: 2, at: 11, type: 'read', conversationId: direct, readSeq: 1 },
      { seq: 3, at: 12, type: 'receipt', conversationId: direct, readSeq: 1, by: bob },
      { seq: 4, at: 13, type: 'recall', conversationId: direct, messageSeq: 1, by: alice },
    ]);
    expect(page.map((e) => e.message?.id ?? null)).toEqual([message.id, null, null, message.id]);
    expect(inbox.page(alice, 2, 1).map((e) => e.event.seq)).toEqual([3]);
    expect(inbox.page(alice, 4, 10)).toEqual([]);
    expect(inbox.page("1' OR '1'='1", 0, 10)).toEqual([]);
  });

  it('prunes events older than the cutoff in chunks and raises each user’s floor', () => {
    const { inbox, alice, bob, direct } = coreDb();
    for (let i = 1; i <= 5; i++)
      inbox.append(alice, { type: 'read', conversationId: direct, readSeq: i }, i * 10);
    inbox.append(bob, { type: 'read', conversationId: direct, readSeq: 1 }, 15);
    expect(inbox.prune(35, 2)).toBe(2); // the two oldest: alice 1 (at 10), bob 1 (at 15)
    expect(inbox.head(alice)).toEqual({ last: 5, floor: 1 });
    expect(inbox.head(bob)).toEqual({ last: 1, floor: 1 });
    expect(inbox.prune(35, 100)).toBe(2); // alice 2 and 3 (at 20, 30)
    expect(inbox.head(alice)).toEqual({ last: 5, floor: 3 });
    expect(inbox.page(alice, 0, 10).map((e) => e.event.seq)).toEqual([4, 5]);
    expect(inbox.prune(35, 100)).toBe(0);
    // Numbering continues above the floor.
    expect(inbox.append(bob, { type: 'read', conversationId: direct, readSeq: 2 }, 50).seq).toBe(2);
  });
});
