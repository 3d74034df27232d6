import { describe, expect, it } from 'vitest';
import { CONV, count, event, ME, newApi, outgoing, peer, wire } from './storeFixtures';

describe('store: sync applies idempotently by fp and by (conversation, seq)', () => {
  it('inserts a new message once, creating the conversation and counting it unread', () => {
    const { api, db } = newApi();
    const first = api.applySync({ now: 100, events: [event.message(wire('in1', 1))], inboxCursor: 1 });
    expect(first.inserted).toBe(1);
    expect(first.changed).toEqual([
      {
        conversationId: CONV,
        messages: [expect.objectContaining({ id: 'in1', seq: 1, status: 'received' })],
      },
    ]);
    expect(first.conversations).toMatchObject([{ id: CONV, unread: 1, lastMessage: { preview: 'm1' } }]);
    expect(first.missingProfiles).toEqual([{ conversationId: CONV, userId: 'bob' }]);
    const again = api.applySync({ now: 101, messages: [wire('in1', 1)] });
    expect(again.inserted).toBe(0);
    expect(again.changed).toEqual([]);
    // Another fp for a sequence already held is a duplicate as well.
    expect(api.applySync({ now: 102, messages: [wire('other', 1)] }).inserted).toBe(0);
    expect(count(db, 'SELECT COUNT(*) FROM messages')).toBe(1);
    expect(api.getConversation(CONV)?.unread).toBe(1);
    expect(api.inboxCursor()).toBe(1);
  });

  it('learns its own message’s sequence from its inbox event, marks it sent and drops its outbox row', () => {
    const { api, db } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    api.insertOutgoing(outgoing('fp1', 10));
    const outcome = api.applySync({ now: 5, events: [event.message(wire('fp1', 7, 11, ME, 'hi'))] });
    expect(outcome.acknowledged).toEqual(['fp1']);
    expect(outcome.changed[0]?.messages).toMatchObject([{ id: 'fp1', seq: 7, status: 'sent', sentAt: 10 }]);
    expect(api.applySync({ now: 6, messages: [wire('fp1', 7, 11, ME, 'hi')] }).changed).toEqual([]);
    expect(count(db, 'SELECT COUNT(*) FROM messages')).toBe(1);
    expect(api.listOutbox()).toEqual([]);
  });

  it('keeps what another device of ours sent as an outgoing, sent message', () => {
    const { api } = newApi();
    api.applySync({ now: 5, messages: [wire('other-device', 1, 10, ME, 'from my phone')] });
    expect(api.getMessage('other-device')).toMatchObject({ outgoing: true, status: 'sent' });
    expect(api.getConversation(CONV)?.unread).toBe(0);
  });

  it('ignores a one-to-one message whose sender is not one of the two members', () => {
    const { api, db } = newApi();
    api.applySync({ now: 1, messages: [wire('x', 1, 10, 'mallory')] });
    expect(count(db, 'SELECT COUNT(*) FROM messages')).toBe(0);
  });

  it('keeps the newest message as the preview when an older one arrives late', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [wire('in2', 2, 50, 'bob', 'newer')] });
    api.applySync({ now: 2, messages: [wire('in1', 1, 40, 'bob', 'older')] });
    const conversation = api.getConversation(CONV);
    expect(conversation?.lastMessage?.preview).toBe('newer');
    expect(conversation?.unread).toBe(2);
  });
});

describe('store: read state, receipts and mentions', () => {
  it('counts unread after the read position, which other devices move forward only', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [1, 2, 3, 4].map((s) => wire(`in${s}`, s)) });
    expect(api.getConversation(CONV)?.unread).toBe(4);
    api.applySync({ now: 2, events: [event.read(3)] });
    expect(api.getConversation(CONV)?.unread).toBe(1);
    api.applySync({ now: 3, events: [event.read(1)] });
    expect(api.getConversation(CONV)?.unread).toBe(1);
    // Read on another device: nothing to tell the server.
    expect(api.unsyncedReads()).toEqual([]);
  });

  it('marks read here, remembers to tell the server, and stops once it confirmed', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [wire('in1', 1), wire('in2', 2)] });
    const marked = api.markRead(CONV);
    expect(marked?.conversation.unread).toBe(0);
    expect(marked?.readSeq).toBe(2);
    expect(api.unsyncedReads()).toEqual([{ conversationId: CONV, seq: 2 }]);
    api.readSynced(CONV, 2);
    expect(api.unsyncedReads()).toEqual([]);
    expect(api.markRead(CONV)?.readSeq).toBeNull();
    expect(api.markRead('d:alice:nobody')).toBeNull();
  });

  it('turns our messages read when the peer’s receipt covers them, never backwards', () => {
    const { api } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    api.applySync({
      now: 1,
      messages: [wire('o1', 1, 10, ME), wire('o2', 2, 20, ME), wire('o3', 3, 30, ME)],
    });
    const receipt = api.applySync({ now: 2, events: [event.receipt(2)] });
    expect(receipt.changed[0]?.messages.map((m) => [m.id, m.status])).toEqual([
      ['o1', 'read'],
      ['o2', 'read'],
    ]);
    expect(api.getMessage('o3')?.status).toBe('sent');
    expect(api.applySync({ now: 3, events: [event.receipt(1)] }).changed).toEqual([]);
    // A message arriving after the receipt that covers it is read at once.
    api.applySync({ now: 4, events: [event.receipt(5)] });
    api.applySync({ now: 5, messages: [wire('o4', 4, 40, ME)] });
    expect(api.getMessage('o4')?.status).toBe('read');
  });

  it('raises the mention flag for an unread message that mentions the user, and clears it when read', () => {
    const { api } = newApi();
    const mention = {
      ...wire('m1', 1),
      conversationId: 'g:team',
      body: { text: '@alice look', mentions: [ME] },
    };
    api.applySync({ now: 1, messages: [mention, { ...wire('m2', 2), conversationId: 'g:team' }] });
    expect(api.getConversation('g:team')).toMatchObject({
      mentioned: true,
      unread: 2,
      peer: null,
      title: 'g:team',
    });
    expect(api.markRead('g:team')?.conversation.mentioned).toBe(false);
  });
});

describe('store: recalls', () => {
  it('turns a held message into a tombstone and updates the preview', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [wire('in1', 1, 10, 'bob', 'secret')] });
    const outcome = api.applySync({ now: 2, events: [event.recall(1)] });
    expect(outcome.changed[0]?.messages).toMatchObject([
      { id: 'in1', body: {}, recalled: { by: 'bob', at: 999 } },
    ]);
    expect(api.getConversation(CONV)).toMatchObject({ unread: 0, lastMessage: { preview: '[recalled]' } });
    expect(api.applySync({ now: 3, events: [event.recall(1)] }).changed).toEqual([]);
  });

  it('remembers a recall of a message it never had, so history can never bring it back', () => {
    const { api } = newApi();
    api.applySync({ now: 1, events: [event.recall(5)] });
    expect(api.applySync({ now: 2, messages: [wire('late', 5, 10, 'bob', 'secret')] }).inserted).toBe(0);
    const [shown] = api.listMessages(CONV, { limit: 5 });
    expect(shown).toMatchObject({ seq: 5, recalled: { by: 'bob' }, body: {} });
    expect(JSON.stringify(api.listMessages(CONV, { limit: 5 }))).not.toContain('secret');
  });

  it('resolves a recall that came before its own message’s sequence', () => {
    const { api, db } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    api.insertOutgoing(outgoing('fp1', 10, 'oops'));
    api.applySync({ now: 2, events: [event.recall(3, ME)] });
    api.applySync({ now: 3, messages: [wire('fp1', 3, 10, ME, 'oops')] });
    expect(api.getMessage('fp1')).toMatchObject({ seq: 3, recalled: { by: ME }, body: {} });
    expect(count(db, 'SELECT COUNT(*) FROM messages')).toBe(1);
  });

  it('takes the server’s tombstone (a recall notice with the message’s own fp) as a recall', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [wire('in1', 1, 10, 'bob', 'secret')] });
    const tombstone = { ...wire('in1', 1, 10), kind: 'notice', body: { event: 'recall', actorId: 'bob' } };
    api.applySync({ now: 2, messages: [tombstone] });
    expect(api.getMessage('in1')).toMatchObject({ recalled: { by: 'bob' }, body: {} });
    // A device that never saw the message stores the tombstone, not the text.
    const fresh = newApi().api;
    expect(fresh.applySync({ now: 3, messages: [{ ...tombstone, fp: 'in9', seq: 9 }] }).inserted).toBe(1);
    expect(fresh.getMessage('in9')).toMatchObject({ seq: 9, recalled: { by: 'bob' }, body: {} });
    expect(fresh.getConversation(CONV)).toMatchObject({ unread: 0, lastMessage: { preview: '[recalled]' } });
  });

  it('recalls locally after the server accepted it', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [wire('o1', 1, 10, ME, 'typo')] });
    expect(api.recallMessage('o1', ME, 50)?.message).toMatchObject({
      recalled: { by: ME, at: 50 },
      body: {},
    });
    expect(api.recallMessage('nope', ME, 50)).toBeNull();
  });
});

describe('store: local deletes are tombstones sync respects', () => {
  it('hides deleted messages and never lets sync bring them back', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [wire('in1', 1), wire('in2', 2)] });
    const [removed] = api.deleteMessagesLocally(['in2', 'unknown'], 5);
    expect(removed).toMatchObject({
      conversationId: CONV,
      ids: ['in2'],
      conversation: { lastMessage: { preview: 'm1' } },
    });
    expect(api.listMessages(CONV, { limit: 10 }).map((m) => m.id)).toEqual(['in1']);
    expect(api.getMessage('in2')).toBeNull();
    expect(api.applySync({ now: 6, messages: [wire('in2', 2)] }).changed).toEqual([]);
    expect(api.listMessages(CONV, { limit: 10 }).map((m) => m.id)).toEqual(['in1']);
  });

  it('deletes a pending message’s outbox row so it is not sent', () => {
    const { api } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    api.insertOutgoing(outgoing('fp1', 10));
    api.deleteMessagesLocally(['fp1'], 11);
    expect(api.listOutbox()).toEqual([]);
  });

  it('deletes a conversation here: older history stays out, a newer message brings it back', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [wire('in2', 2), wire('in3', 3)] });
    api.setPinned(CONV, true);
    api.setDraft(CONV, 'half a thought');
    expect(api.deleteConversationLocally(CONV, 5)?.fps.sort()).toEqual(['in2', 'in3']);
    expect(api.listConversations()).toEqual([]);
    // Backfill of older history and a re-delivery of deleted messages stay out.
    expect(api.applySync({ now: 6, messages: [wire('in1', 1), wire('in3', 3)] }).inserted).toBe(0);
    expect(api.listConversations()).toEqual([]);
    expect(api.backfillTargets(10)).toEqual([]);
    api.applySync({ now: 7, messages: [wire('in4', 4)] });
    const [back] = api.listConversations();
    expect(back).toMatchObject({
      id: CONV,
      pinned: false,
      draft: '',
      unread: 1,
      lastMessage: { preview: 'm4' },
    });
    expect(api.listMessages(CONV, { limit: 10 }).map((m) => m.id)).toEqual(['in4']);
    expect(api.deleteConversationLocally('d:alice:nobody', 8)).toBeNull();
  });
});

describe('store: gaps, catch-up and backfill', () => {
  it('reports a gap when an event names a newer message than it carries', () => {
    const { api } = newApi();
    const outcome = api.applySync({
      now: 1,
      events: [{ seq: 1, at: 1, type: 'message', conversationId: CONV, messageSeq: 3 }],
    });
    expect(outcome.gaps).toEqual([CONV]);
    expect(api.catchUpTargets()).toEqual([{ conversationId: CONV, top: 0, lastSeq: 3 }]);
    api.applySync({ now: 2, messages: [wire('a', 1), wire('b', 2), wire('c', 3)] });
    expect(api.catchUpTargets()).toEqual([]);
  });

  it('walks backfill down from the contiguous newest block to the start of history', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [8, 9, 10].map((s) => wire(`n${s}`, s)) });
    expect(api.backfillTargets(5)).toEqual([{ conversationId: CONV, before: 8 }]);
    expect(api.backfillRemaining()).toBe(1);
    api.applySync({ now: 2, messages: [5, 6, 7].map((s) => wire(`n${s}`, s)) });
    expect(api.backfillTargets(5)).toEqual([{ conversationId: CONV, before: 5 }]);
    // An isolated older message does not count until the hole above it is filled.
    api.applySync({ now: 3, messages: [wire('n2', 2)] });
    expect(api.backfillTargets(5)).toEqual([{ conversationId: CONV, before: 5 }]);
    api.applySync({ now: 4, messages: [3, 4].map((s) => wire(`n${s}`, s)) });
    expect(api.backfillTargets(5)).toEqual([{ conversationId: CONV, before: 2 }]);
    api.applySync({ now: 5, messages: [wire('n1', 1)] });
    expect(api.backfillTargets(5)).toEqual([]);
    expect(api.backfillRemaining()).toBe(0);
  });

  it('stops backfilling where the server says history begins', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [40, 41].map((s) => wire(`n${s}`, s)) });
    expect(api.backfillTargets(5)).toEqual([{ conversationId: CONV, before: 40 }]);
    api.historyComplete(CONV);
    expect(api.backfillTargets(5)).toEqual([]);
  });
});

describe('store: pages and conversation settings', () => {
  it('pages back by sequence, oldest first, with messages being sent on the newest page', () => {
    const { api } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    api.applySync({ now: 1, messages: [1, 2, 3, 4, 5, 6, 7].map((s) => wire(`in${s}`, s)) });
    api.insertOutgoing(outgoing('p1', 100));
    const seqs = (list: Array<{ seq: number | null; id: string }>) => list.map((m) => m.seq ?? m.id);
    expect(seqs(api.listMessages(CONV, { limit: 3 }))).toEqual([6, 7, 'p1']);
    expect(seqs(api.listMessages(CONV, { limit: 3, beforeSeq: 6 }))).toEqual([3, 4, 5]);
    expect(seqs(api.listMessages(CONV, { limit: 3, beforeSeq: 2 }))).toEqual([1]);
  });

  it('records the peer and reports whether anything changed', () => {
    const { api } = newApi();
    expect(api.openDirectConversation(CONV, peer, 1).changed).toBe(true);
    expect(api.openDirectConversation(CONV, peer, 2).changed).toBe(false);
    expect(api.updatePeer(CONV, { ...peer, displayName: 'Bobby' })).toMatchObject({ title: 'Bobby' });
    expect(api.updatePeer(CONV, { ...peer, displayName: 'Bobby' })).toBeNull();
  });

  it('lists pinned conversations first, keeps drafts and mutes', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [wire('a', 1, 10)] });
    api.applySync({
      now: 1,
      messages: [{ ...wire('b', 1, 20), conversationId: 'd:alice:carol', senderId: 'carol' }],
    });
    expect(api.listConversations().map((c) => c.id)).toEqual(['d:alice:carol', CONV]);
    expect(api.setPinned(CONV, true)?.pinned).toBe(true);
    expect(api.setMuted(CONV, true)?.muted).toBe(true);
    expect(api.setDraft(CONV, 'draft ✍️')?.draft).toBe('draft ✍️');
    expect(api.listConversations().map((c) => c.id)).toEqual([CONV, 'd:alice:carol']);
    expect(api.setPinned('d:x:y', true)).toBeNull();
  });
});

describe('store: basic mode', () => {
  it('numbers messages locally and keeps a pushed text once by fp', () => {
    const { api } = newApi('basic');
    api.openDirectConversation(CONV, peer, 1);
    const sent = api.insertOutgoing(outgoing('o1', 10));
    expect(sent.message.seq).toBe(1);
    const pushed = { fp: 'in1', conversationId: CONV, senderId: 'bob', sentAt: 20, text: 'yo' };
    expect(api.insertPushedText(pushed)?.message).toMatchObject({
      seq: 2,
      status: 'received',
      body: { text: 'yo' },
    });
    expect(api.insertPushedText(pushed)).toBeNull();
    expect(
      api.insertPushedText({ ...pushed, fp: 'in2', conversationId: 'd:alice:zoe', senderId: 'zoe' })
        ?.conversation,
    ).toMatchObject({
      id: 'd:alice:zoe',
      unread: 1,
    });
    expect(api.listMessages(CONV, { limit: 10 }).map((m) => m.id)).toEqual(['o1', 'in1']);
  });
});
