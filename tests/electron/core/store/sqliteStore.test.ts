import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../../shared/ipc';
import type { WireMessage } from '../../../../shared/protocol';
import { createSqliteStore } from '../../../../electron/core/store/sqliteStore';
import type { Store } from '../../../../electron/core/store/store';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs();
const ME = 'alice';
const PEER = 'bob';
const CONV = 'd:alice:bob';
const peer = { userId: PEER, username: 'bob', displayName: 'Bob' };

let open: Array<{ store: Store; file: string }> = [];
afterEach(async () => {
  for (const { store } of open) await store.close();
  open = [];
});

function newStore(): { store: Store; file: string } {
  const file = path.join(newDir(), 'tidings.db');
  const entry = { store: createSqliteStore(file), file };
  open.push(entry);
  return entry;
}

const outgoing = (fp: string, sentAt: number, text = 'hi'): Message => ({
  id: fp,
  conversationId: CONV,
  seq: null,
  senderId: ME,
  outgoing: true,
  sentAt,
  kind: 'text',
  body: { text },
  status: 'sending',
});

const wire = (fp: string, seq: number, sentAt: number, senderId = PEER, text = 'yo'): WireMessage => ({
  id: `srv-${fp}`,
  conversationId: CONV,
  seq,
  fp,
  senderId,
  sentAt,
  kind: 'text',
  body: { text },
});

const count = (file: string, sql: string): unknown => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

describe('sqlite store: outgoing messages and the outbox', () => {
  it('writes the message, the conversation preview and the outbox row together', async () => {
    const { store } = newStore();
    await store.openDirectConversation(CONV, peer, 1);
    const conversation = await store.insertOutgoing(outgoing('fp1', 10, '你好 👋'), {
      toUserId: PEER,
      frame: '{"f":1}',
    });
    expect(conversation.lastMessage).toEqual({ preview: '你好 👋', sentAt: 10, outgoing: true });
    expect(conversation.unread).toBe(0);
    expect(await store.listOutbox()).toEqual([
      { fp: 'fp1', toUserId: PEER, frame: '{"f":1}', attempts: 0, createdAt: 10 },
    ]);
    expect(await store.listMessages(CONV, { limit: 10 })).toEqual([outgoing('fp1', 10, '你好 👋')]);
  });

  it('writes nothing when any part fails (same fp twice)', async () => {
    const { store, file } = newStore();
    await store.openDirectConversation(CONV, peer, 1);
    await store.insertOutgoing(outgoing('fp1', 10), { toUserId: PEER, frame: '{}' });
    await expect(
      store.insertOutgoing(outgoing('fp1', 20, 'again'), { toUserId: PEER, frame: '{}' }),
    ).rejects.toThrow();
    expect(count(file, 'SELECT COUNT(*) FROM messages')).toBe(1);
    expect(count(file, 'SELECT COUNT(*) FROM outbox')).toBe(1);
    expect((await store.getConversation(CONV))?.lastMessage?.sentAt).toBe(10);
  });

  it('rolls the message back when the conversation does not exist', async () => {
    const { store, file } = newStore();
    await expect(
      store.insertOutgoing(outgoing('fp1', 10), { toUserId: PEER, frame: '{}' }),
    ).rejects.toThrow();
    expect(count(file, 'SELECT COUNT(*) FROM messages')).toBe(0);
    expect(count(file, 'SELECT COUNT(*) FROM outbox')).toBe(0);
  });

  it('counts attempts durably and forgets the entry once acknowledged', async () => {
    const { store } = newStore();
    await store.openDirectConversation(CONV, peer, 1);
    await store.insertOutgoing(outgoing('fp1', 10), { toUserId: PEER, frame: '{}' });
    expect(await store.recordAttempt('fp1', 11)).toBe(1);
    expect(await store.recordAttempt('fp1', 12)).toBe(2);
    expect((await store.listOutbox())[0]?.attempts).toBe(2);
    expect(await store.markSent('fp1')).toMatchObject({ id: 'fp1', status: 'sent' });
    expect(await store.listOutbox()).toEqual([]);
    expect(await store.recordAttempt('fp1', 13)).toBeNull();
  });
});

describe('sqlite store: status only moves forward', () => {
  async function withMessage(): Promise<Store> {
    const { store } = newStore();
    await store.openDirectConversation(CONV, peer, 1);
    await store.insertOutgoing(outgoing('fp1', 10), { toUserId: PEER, frame: '{}' });
    return store;
  }

  it('sending → sent, and a second ACK changes nothing', async () => {
    const store = await withMessage();
    expect((await store.markSent('fp1'))?.status).toBe('sent');
    expect(await store.markSent('fp1')).toBeNull();
  });

  it('a refusal after the ACK cannot make a sent message failed', async () => {
    const store = await withMessage();
    await store.markSent('fp1');
    expect(await store.markFailed('fp1')).toBeNull();
    expect((await store.listMessages(CONV, { limit: 1 }))[0]?.status).toBe('sent');
  });

  it('sending → failed removes the outbox row; a late ACK still proves it was stored', async () => {
    const store = await withMessage();
    expect((await store.markFailed('fp1'))?.status).toBe('failed');
    expect(await store.listOutbox()).toEqual([]);
    expect((await store.markSent('fp1'))?.status).toBe('sent');
  });

  it('never turns a received message into sent or failed', async () => {
    const { store } = newStore();
    await store.applyIncoming(wire('in1', 1, 5), ME, 100);
    expect(await store.markSent('in1')).toBeNull();
    expect(await store.markFailed('in1')).toBeNull();
    expect((await store.listMessages(CONV, { limit: 1 }))[0]?.status).toBe('received');
  });
});

describe('sqlite store: applying pushed messages is idempotent', () => {
  it('inserts a new message once, creating the conversation and counting it unread', async () => {
    const { store, file } = newStore();
    const first = await store.applyIncoming(wire('in1', 1, 5), ME, 100);
    expect(first).toMatchObject({
      kind: 'inserted',
      message: { id: 'in1', seq: 1, status: 'received', outgoing: false, body: { text: 'yo' } },
      conversation: {
        id: CONV,
        unread: 1,
        peer: { userId: PEER },
        lastMessage: { preview: 'yo', outgoing: false },
      },
      peerProfileMissing: true,
    });
    expect(await store.applyIncoming(wire('in1', 1, 5), ME, 101)).toEqual({ kind: 'duplicate' });
    expect(count(file, 'SELECT COUNT(*) FROM messages')).toBe(1);
    expect((await store.getConversation(CONV))?.unread).toBe(1);
  });

  it('drops a different fp for a sequence it already has', async () => {
    const { store, file } = newStore();
    await store.applyIncoming(wire('in1', 1, 5), ME, 100);
    expect(await store.applyIncoming(wire('other', 1, 5), ME, 100)).toEqual({ kind: 'duplicate' });
    expect(count(file, 'SELECT COUNT(*) FROM messages')).toBe(1);
  });

  it('learns the sequence of its own message when the server pushes it back, once', async () => {
    const { store, file } = newStore();
    await store.openDirectConversation(CONV, peer, 1);
    await store.insertOutgoing(outgoing('fp1', 10), { toUserId: PEER, frame: '{}' });
    const pushed = wire('fp1', 7, 11, ME, 'hi');
    expect(await store.applyIncoming(pushed, ME, 100)).toMatchObject({
      kind: 'updated',
      message: { id: 'fp1', seq: 7, status: 'sent', sentAt: 10 },
    });
    expect(await store.applyIncoming(pushed, ME, 100)).toEqual({ kind: 'duplicate' });
    expect(count(file, 'SELECT COUNT(*) FROM messages')).toBe(1);
    expect(await store.listOutbox()).toEqual([]);
  });

  it('keeps the newest message as the preview when an older one arrives late', async () => {
    const { store } = newStore();
    await store.applyIncoming(wire('in2', 2, 50, PEER, 'newer'), ME, 100);
    await store.applyIncoming(wire('in1', 1, 40, PEER, 'older'), ME, 101);
    const conversation = await store.getConversation(CONV);
    expect(conversation?.lastMessage?.preview).toBe('newer');
    expect(conversation?.unread).toBe(2);
  });
});

describe('sqlite store: conversations and pages', () => {
  it('records the peer and reports whether anything changed', async () => {
    const { store } = newStore();
    expect((await store.openDirectConversation(CONV, peer, 1)).changed).toBe(true);
    expect((await store.openDirectConversation(CONV, peer, 2)).changed).toBe(false);
    const renamed = await store.updatePeer(CONV, { ...peer, displayName: 'Bobby' });
    expect(renamed).toMatchObject({ title: 'Bobby', peer: { displayName: 'Bobby' } });
    expect(await store.updatePeer(CONV, { ...peer, displayName: 'Bobby' })).toBeNull();
    expect(await store.listConversations()).toHaveLength(1);
  });

  it('pages back from a sequence, each page oldest first', async () => {
    const { store } = newStore();
    for (let seq = 1; seq <= 7; seq++) await store.applyIncoming(wire(`in${seq}`, seq, seq * 10), ME, 100);
    const ids = (messages: Message[]) => messages.map((m) => m.seq);
    expect(ids(await store.listMessages(CONV, { limit: 3 }))).toEqual([5, 6, 7]);
    expect(ids(await store.listMessages(CONV, { limit: 3, beforeSeq: 5 }))).toEqual([2, 3, 4]);
    expect(ids(await store.listMessages(CONV, { limit: 3, beforeSeq: 2 }))).toEqual([1]);
    expect(ids(await store.listMessages(CONV, { limit: 3, beforeSeq: 100 }))).toEqual([5, 6, 7]);
  });

  it('keeps one device id per account file', async () => {
    const { store } = newStore();
    const first = await store.deviceId(() => 'dev-1');
    expect(await store.deviceId(() => 'dev-2')).toBe(first);
  });
});
