import { describe, expect, it } from 'vitest';
import { CONV, count, newApi, outgoing, peer, wire } from './storeFixtures';

describe('store: outgoing messages and the outbox', () => {
  it('writes the message, the conversation preview and the outbox row together', () => {
    const { api } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    const { message, conversation } = api.insertOutgoing(outgoing('fp1', 10, '你好 👋'));
    expect(message).toMatchObject({
      id: 'fp1',
      seq: null,
      status: 'sending',
      outgoing: true,
      recalled: null,
    });
    expect(conversation.lastMessage).toEqual({ preview: '你好 👋', sentAt: 10, outgoing: true });
    expect(conversation.unread).toBe(0);
    expect(api.listOutbox()).toEqual([
      { fp: 'fp1', toUserId: 'bob', frame: '{"fp":"fp1"}', attempts: 0, createdAt: 10 },
    ]);
    expect(api.listMessages(CONV, { limit: 10 }).map((m) => m.id)).toEqual(['fp1']);
  });

  it('writes nothing when any part fails (the same fp twice, or no conversation)', () => {
    const { api, db } = newApi();
    expect(() => api.insertOutgoing(outgoing('fp0', 5))).toThrow();
    expect(count(db, 'SELECT COUNT(*) FROM messages')).toBe(0);
    api.openDirectConversation(CONV, peer, 1);
    api.insertOutgoing(outgoing('fp1', 10));
    expect(() => api.insertOutgoing(outgoing('fp1', 20, 'again'))).toThrow();
    expect(count(db, 'SELECT COUNT(*) FROM messages')).toBe(1);
    expect(count(db, 'SELECT COUNT(*) FROM outbox')).toBe(1);
    expect(api.getConversation(CONV)?.lastMessage?.sentAt).toBe(10);
  });

  it('counts attempts durably and forgets the entry once acknowledged', () => {
    const { api } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    api.insertOutgoing(outgoing('fp1', 10));
    expect(api.recordAttempt('fp1', 11)).toBe(1);
    expect(api.recordAttempt('fp1', 12)).toBe(2);
    expect(api.listOutbox()[0]?.attempts).toBe(2);
    expect(api.markSent('fp1')).toMatchObject({ id: 'fp1', status: 'sent' });
    expect(api.listOutbox()).toEqual([]);
    expect(api.recordAttempt('fp1', 13)).toBeNull();
  });

  it('keeps a failed message’s row for a manual retry with the same fp and a fresh budget', () => {
    const { api } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    api.insertOutgoing(outgoing('fp1', 10));
    api.recordAttempt('fp1', 11);
    expect(api.markFailed('fp1', 20)).toMatchObject({ status: 'failed' });
    expect(api.listOutbox()).toEqual([]);
    expect(api.recordAttempt('fp1', 21)).toBeNull();
    const retried = api.retry('fp1', 30);
    expect(retried?.message).toMatchObject({ id: 'fp1', status: 'sending' });
    expect(retried?.entry).toEqual({
      fp: 'fp1',
      toUserId: 'bob',
      frame: '{"fp":"fp1"}',
      attempts: 0,
      createdAt: 30,
    });
    expect(api.listOutbox().map((e) => e.fp)).toEqual(['fp1']);
    // Only failed messages can be retried.
    expect(api.retry('fp1', 31)).toBeNull();
    expect(api.retry('nope', 31)).toBeNull();
  });

  it('moves status only forward: a second ACK or a late refusal change nothing', () => {
    const { api } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    api.insertOutgoing(outgoing('fp1', 10));
    expect(api.markSent('fp1')?.status).toBe('sent');
    expect(api.markSent('fp1')).toBeNull();
    expect(api.markFailed('fp1', 11)).toBeNull();
    expect(api.getMessage('fp1')?.status).toBe('sent');
    expect(api.retry('fp1', 12)).toBeNull();
  });

  it('a late ACK after the budget ran out proves the message was stored', () => {
    const { api } = newApi();
    api.openDirectConversation(CONV, peer, 1);
    api.insertOutgoing(outgoing('fp1', 10));
    api.markFailed('fp1', 11);
    expect(api.markSent('fp1')?.status).toBe('sent');
    expect(api.listOutbox()).toEqual([]);
    expect(api.retry('fp1', 12)).toBeNull();
  });

  it('never turns a received message into sent or failed', () => {
    const { api } = newApi();
    api.applySync({ now: 1, messages: [wire('in1', 1)] });
    expect(api.markSent('in1')).toBeNull();
    expect(api.markFailed('in1', 2)).toBeNull();
    expect(api.getMessage('in1')?.status).toBe('received');
  });
});
