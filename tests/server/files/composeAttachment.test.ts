import { describe, expect, it } from 'vitest';
import { composeMessage } from '../../../server/services/messageComposer';
import { createFileRepository, type FileRecord } from '../../../server/storage/fileRepository';
import { coreDb } from '../storage/coreDb';

const ID = (digit: string): string => digit.repeat(32);

function setup() {
  const core = coreDb();
  const files = createFileRepository(core.db);
  const add = (id: string, ownerId: string, image: boolean): void => {
    files.insert({
      id,
      ownerId,
      name: 'n.png',
      size: 3,
      mime: 'image/png',
      declaredSha256: null,
      createdAt: 1,
    });
    files.complete(id, {
      sha256: 'a'.repeat(64),
      width: image ? 4 : null,
      height: image ? 5 : null,
      completedAt: 2,
    });
  };
  const attachable = (userId: string, fileId: string): FileRecord | null => {
    const file = files.findById(fileId);
    return file && file.completedAt !== null && files.canRead(fileId, userId) ? file : null;
  };
  const deps = {
    messages: core.messages,
    conversations: core.conversations,
    users: core.users,
    files: { attachable },
  };
  return { ...core, files, add, deps };
}

describe('image and file messages in the composer', () => {
  it('are refused when the server has no file store', () => {
    const { alice, direct, messages, conversations, users } = setup();
    expect(
      composeMessage(
        { kind: 'file', body: { fileId: ID('1') } },
        { senderId: alice, conversationId: direct },
        {
          messages,
          conversations,
          users,
        },
      ),
    ).toMatchObject({ ok: false, code: 'invalid-request' });
  });

  it('check the thumbnail like the image, and record references in the message’s transaction', () => {
    const { alice, bob, direct, add, deps, files, conversations, messages } = setup();
    add(ID('1'), alice, true);
    add(ID('2'), alice, false);
    add(ID('3'), bob, true);
    const context = { senderId: alice, conversationId: direct };
    expect(
      composeMessage({ kind: 'image', body: { fileId: ID('1'), thumbnailFileId: ID('2') } }, context, deps),
    ).toMatchObject({ ok: false, message: 'The thumbnail is not an image.' });
    expect(
      composeMessage({ kind: 'image', body: { fileId: ID('1'), thumbnailFileId: ID('3') } }, context, deps),
    ).toMatchObject({ ok: false });
    const composed = composeMessage({ kind: 'image', body: { fileId: ID('1') } }, context, deps);
    expect(composed).toEqual({
      ok: true,
      kind: 'image',
      body: {
        fileId: ID('1'),
        name: 'n.png',
        size: 3,
        mime: 'image/png',
        sha256: 'a'.repeat(64),
        width: 4,
        height: 5,
      },
    });
    // The trigger of migration 008 gives Bob access once the message is stored.
    expect(files.canRead(ID('1'), bob)).toBe(false);
    conversations.ensure(direct, 'direct', [alice, bob], 1);
    if (!composed.ok) throw new Error('refused');
    messages.append({
      conversationId: direct,
      senderId: alice,
      fp: 'f1',
      sentAt: 3,
      kind: composed.kind,
      bodyJson: JSON.stringify(composed.body),
    });
    expect(files.canRead(ID('1'), bob)).toBe(true);
    // A text that merely mentions the id grants nothing.
    messages.append({
      conversationId: direct,
      senderId: bob,
      fp: 'f2',
      sentAt: 4,
      kind: 'text',
      bodyJson: JSON.stringify({ text: 'x', fileId: ID('3') }),
    });
    expect(files.canRead(ID('3'), alice)).toBe(false);
  });
});
