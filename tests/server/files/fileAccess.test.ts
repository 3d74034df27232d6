import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directConversationId } from '../../../shared/protocol';
import type { ServerProcess } from '../../helpers/serverProcess';
import { queryDb } from '../helpers/serverFiles';
import { provision, startCoreServer, type Account } from '../sync/helpers/coreServer';
import { call, connectTidings, sendMessage, takeAck, takeRefusal } from '../sync/helpers/devices';
import { download, sha256, uploadFile } from './fileApi';
import { pngImage } from './images';

let server: ServerProcess;

beforeAll(async () => {
  server = await startCoreServer();
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function users(count: number): Promise<Account[]> {
  return provision(server.url, count, 'acl');
}

function storedBody(conversationId: string, seq: number): Record<string, unknown> {
  const [row] = queryDb<{ kind: string; body: string }>(
    server.dataDir,
    'SELECT kind, body FROM messages WHERE conversation_id = ? AND seq = ?',
    conversationId,
    seq,
  );
  if (!row) throw new Error('no such message');
  return { kind: row.kind, ...(JSON.parse(row.body) as Record<string, unknown>) };
}

describe('who may download a file', () => {
  it('the uploader, the receiver and whoever gets it forwarded; never a stranger', async () => {
    const [alice, bob, carol, mallory] = (await users(4)) as [Account, Account, Account, Account];
    const image = pngImage(3, 2);
    const uploaded = await uploadFile(server.url, alice.token, '猫 photo.png', image, 'image/png');
    expect(uploaded).toMatchObject({ width: 3, height: 2, complete: true });
    const a = await connectTidings(server.wsUrl, alice);
    const b = await connectTidings(server.wsUrl, bob);

    expect((await download(server.url, bob.token, uploaded.fileId)).status).toBe(404);
    // The client's size, hash and dimensions are ignored: the server vouches for them.
    await takeAck(
      a,
      sendMessage(a, bob.userId, {
        kind: 'image',
        body: { fileId: uploaded.fileId, size: 1, sha256: '0'.repeat(64), width: 999 },
      }),
    );
    const ab = directConversationId(alice.userId, bob.userId);
    expect(storedBody(ab, 1)).toEqual({
      kind: 'image',
      fileId: uploaded.fileId,
      name: '猫 photo.png',
      size: image.length,
      mime: 'image/png',
      sha256: sha256(image),
      width: 3,
      height: 2,
    });
    const got = await download(server.url, bob.token, uploaded.fileId);
    expect([got.status, got.body.equals(image)]).toEqual([200, true]);

    await takeAck(b, sendMessage(b, carol.userId, { kind: 'forward', body: { conversationId: ab, seq: 1 } }));
    expect((await download(server.url, carol.token, uploaded.fileId)).status).toBe(200);
    expect((await download(server.url, mallory.token, uploaded.fileId)).status).toBe(404);

    // Bob could see it, so he may send it again himself; Mallory may not attach it.
    await takeAck(b, sendMessage(b, mallory.userId, { kind: 'file', body: { fileId: uploaded.fileId } }));
    expect((await download(server.url, mallory.token, uploaded.fileId)).status).toBe(200);
    a.close();
    b.close();
  });

  it('refuses attachments the sender cannot see, non-images as images, and withdraws access on recall', async () => {
    const [alice, bob, eve] = (await users(3)) as [Account, Account, Account];
    const secret = await uploadFile(server.url, alice.token, 'secret.txt', randomBytes(64));
    const text = await uploadFile(
      server.url,
      eve.token,
      'notes.txt',
      Buffer.from('plain text'),
      'text/plain',
    );
    const e = await connectTidings(server.wsUrl, eve);
    const stolen = await takeRefusal(
      e,
      sendMessage(e, bob.userId, { kind: 'file', body: { fileId: secret.fileId } }),
    );
    expect(stolen.code).toBe('invalid-request');
    const notImage = await takeRefusal(
      e,
      sendMessage(e, bob.userId, { kind: 'image', body: { fileId: text.fileId } }),
    );
    expect(notImage.message).toMatch(/not a PNG/);
    const badName = await takeRefusal(
      e,
      sendMessage(e, bob.userId, { kind: 'file', body: { fileId: text.fileId, name: 'a\u0000b' } }),
    );
    expect(badName.code).toBe('invalid-request');
    expect((await download(server.url, bob.token, secret.fileId)).status).toBe(404);

    await takeAck(
      e,
      sendMessage(e, bob.userId, { kind: 'file', body: { fileId: text.fileId, name: 'renamed.txt' } }),
    );
    const eb = directConversationId(eve.userId, bob.userId);
    expect(storedBody(eb, 1)).toMatchObject({ kind: 'file', name: 'renamed.txt', mime: 'text/plain' });
    expect((await download(server.url, bob.token, text.fileId)).status).toBe(200);
    await call(e, 'message.recall', { conversationId: eb, seq: 1 });
    expect((await download(server.url, bob.token, text.fileId)).status).toBe(404);
    expect((await download(server.url, eve.token, text.fileId)).status).toBe(200);
    e.close();
  });
});
