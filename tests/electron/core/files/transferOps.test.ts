import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { TransferRecord } from '../../../../electron/core/files/transferRecord';
import { createInThreadStore } from '../helpers/inThreadStore';

const CONV = 'd:alice:bob';

const upload = (messageId: string, now = 1_000): TransferRecord => ({
  messageId,
  conversationId: CONV,
  direction: 'upload',
  kind: 'file',
  name: 'a.txt',
  mime: 'text/plain',
  size: 3,
  sha256: null,
  fileId: null,
  toUserId: 'bob',
  sourcePath: '/tmp/a.txt',
  targetDir: null,
  partPath: null,
  localPath: '/tmp/a.txt',
  thumbnailPath: null,
  bytesDone: 0,
  state: 'queued',
  errorCode: null,
  errorMessage: null,
  createdAt: now,
  updatedAt: now,
});

async function withOutgoingFile() {
  const store = createInThreadStore();
  await store.openDirectConversation(CONV, { userId: 'bob', username: 'bob', displayName: 'Bob' }, 500);
  const inserted = await store.insertOutgoingFile({
    fp: 'fp-1',
    conversationId: CONV,
    sentAt: 1_000,
    kind: 'file',
    body: { name: 'a.txt', size: 3, mime: 'text/plain' },
    transfer: upload('fp-1'),
  });
  return { store, inserted };
}

describe('transfers in the store (migration 006)', () => {
  it('writes an outgoing file message without an outbox row until its upload completes', async () => {
    const { store, inserted } = await withOutgoingFile();
    expect(inserted.message).toMatchObject({ id: 'fp-1', kind: 'file', status: 'sending', seq: null });
    expect(inserted.conversation.lastMessage?.preview).toBe('[File]');
    expect(await store.listOutbox()).toEqual([]);
    expect(await store.listTransfers()).toEqual([inserted.transfer]);

    const done = await store.completeUpload({
      messageId: 'fp-1',
      body: { name: 'a.txt', size: 3, mime: 'text/plain', fileId: 'f'.repeat(32) },
      frame: '{"frame":1}',
      toUserId: 'bob',
      now: 2_000,
    });
    expect(done?.message.body.fileId).toBe('f'.repeat(32));
    expect(done?.transfer).toMatchObject({ state: 'done', updatedAt: 2_000 });
    expect(await store.listOutbox()).toEqual([
      { fp: 'fp-1', toUserId: 'bob', frame: '{"frame":1}', attempts: 0, createdAt: 2_000 },
    ]);
    // Done transfers leave the unfinished list but stay readable.
    expect(await store.listTransfers()).toEqual([]);
    expect((await store.getTransfer('fp-1'))?.state).toBe('done');
  });

  it('fails the message with its upload and revives both on retry', async () => {
    const { store } = await withOutgoingFile();
    const ended = await store.endUpload(
      'fp-1',
      { state: 'failed', errorCode: 'quota-exceeded', errorMessage: 'full' },
      3_000,
    );
    expect(ended.message?.status).toBe('failed');
    expect(ended.transfer).toMatchObject({ state: 'failed', errorCode: 'quota-exceeded' });
    const revived = await store.reviveUpload('fp-1', 4_000);
    expect(revived.message?.status).toBe('sending');
    expect(revived.transfer).toMatchObject({ state: 'queued', errorCode: null, errorMessage: null });
  });

  it('does not send a message deleted while it uploaded', async () => {
    const { store } = await withOutgoingFile();
    await store.deleteMessagesLocally(['fp-1'], 1_500);
    const done = await store.completeUpload({
      messageId: 'fp-1',
      body: { fileId: 'f'.repeat(32) },
      frame: '{}',
      toUserId: 'bob',
      now: 2_000,
    });
    expect(done).toBeNull();
    expect(await store.listOutbox()).toEqual([]);
  });

  it('updates only the given fields and refuses states the table does not know', async () => {
    const { store } = await withOutgoingFile();
    const updated = await store.updateTransfer('fp-1', { bytesDone: 2, fileId: 'a'.repeat(32) }, 5_000);
    expect(updated).toMatchObject({ bytesDone: 2, fileId: 'a'.repeat(32), name: 'a.txt', state: 'queued' });
    expect(await store.updateTransfer('nothing', { bytesDone: 1 }, 5_000)).toBeNull();
    const db = new Database(store.file);
    try {
      expect(() => db.prepare("UPDATE transfers SET state = 'lost'").run()).toThrow(/CHECK constraint/);
      expect(() => db.prepare('UPDATE transfers SET bytes_done = -1').run()).toThrow(/CHECK constraint/);
      expect(db.prepare('SELECT name FROM schema_migrations WHERE version = 6').pluck().get()).toBe(
        '006_transfers',
      );
    } finally {
      db.close();
    }
  });
});
