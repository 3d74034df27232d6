import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PASTED_BYTES } from '../../../../shared/ipc/channels/files';
import { waitFor } from '../../../helpers/serverProcess';
import { startFakeStockServer } from '../helpers/fakeStockServer';
import { createHarness } from '../helpers/engineHarness';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs('tidings-file-handlers-');

const CONV = 'd:u-alice:u-bob';
const pasted = (name: string, text: string) => ({
  type: 'bytes' as const,
  name,
  dataBase64: Buffer.from(text).toString('base64'),
});

async function signedIn() {
  const h = createHarness();
  await h.login();
  await h.waitForSynced();
  await h.call('conversations:open', { username: 'bob' });
  return h;
}

describe('files:* handlers', () => {
  it('want a signed-in account', async () => {
    const h = createHarness({ host: { autoRestore: false } });
    for (const [channel, request] of [
      ['files:send', { conversationId: CONV, source: pasted('a.txt', 'a') }],
      ['files:download', { messageId: 'm' }],
      ['files:cancel', { messageId: 'm' }],
      ['files:retry', { messageId: 'm' }],
      ['files:get', { messageId: 'm' }],
      ['files:transfers', {}],
    ] as const)
      expect(await h.raw(channel, request)).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });
  });

  it('are unavailable on a stock server (basic mode)', async () => {
    const stock = await startFakeStockServer();
    try {
      const h = createHarness({ host: { WebSocket: undefined } });
      await h.call('auth:loginBasic', { wsUrl: stock.url, userId: '777', token: 't' });
      expect(await h.raw('files:transfers', {})).toMatchObject({
        ok: false,
        error: { code: 'unavailable-in-basic-mode' },
      });
      expect(
        await h.raw('files:send', { conversationId: 'd:777:888', source: pasted('a.txt', 'a') }),
      ).toMatchObject({ ok: false, error: { code: 'unavailable-in-basic-mode' } });
    } finally {
      await stock.close();
    }
  });

  it('refuse bad requests with clear codes', async () => {
    const h = await signedIn();
    const tooBig = Buffer.alloc(MAX_PASTED_BYTES + 3).toString('base64');
    expect(
      await h.raw('files:send', {
        conversationId: CONV,
        source: { type: 'bytes', name: 'x.png', dataBase64: tooBig },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(
      await h.raw('files:send', {
        conversationId: CONV,
        source: { type: 'bytes', name: 'x', dataBase64: '@@@@' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: 'The pasted data is not valid base64.' },
    });
    expect(
      await h.raw('files:send', { conversationId: CONV, source: pasted('note.txt', 'hello'), as: 'image' }),
    ).toMatchObject({ ok: false, error: { code: 'not-an-image' } });
    expect(
      await h.raw('files:send', { conversationId: CONV, source: { type: 'path', path: '' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    // Tidings' own files (tokens, databases) are never sent, also not through a link from elsewhere.
    const own = path.join(h.dataDir, 'account.json');
    expect(fs.existsSync(own)).toBe(true);
    const link = path.join(newDir(), 'innocent.txt');
    fs.symlinkSync(own, link);
    for (const file of [own, link])
      expect(
        await h.raw('files:send', { conversationId: CONV, source: { type: 'path', path: file } }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: 'Files of Tidings itself cannot be sent.' },
      });
    expect(await h.raw('files:cancel', { messageId: 'nothing' })).toMatchObject({
      ok: false,
      error: { code: 'transfer-not-found' },
    });
    expect(await h.raw('files:get', { messageId: 'nothing' })).toMatchObject({
      ok: false,
      error: { code: 'message-not-found' },
    });
    const text = await h.call('messages:send', { conversationId: CONV, text: 'just text' });
    expect(await h.raw('files:download', { messageId: text.id })).toMatchObject({
      ok: false,
      error: { code: 'not-a-file-message' },
    });
    expect(await h.call('files:get', { messageId: text.id })).toEqual({
      transfer: null,
      path: null,
      thumbnailDataUrl: null,
    });
    expect(await h.call('files:transfers', {})).toEqual([]);
  });

  it('never send the message when the upload fails, and fail the message with it', async () => {
    // The fake server has no file API: the upload is refused (404), which is final.
    const h = await signedIn();
    const { message, transfer } = await h.call('files:send', {
      conversationId: CONV,
      source: pasted('a b.txt', 'x'),
    });
    expect(message).toMatchObject({ kind: 'file', status: 'sending', body: { name: 'a b.txt', size: 1 } });
    expect(transfer).toMatchObject({ direction: 'upload', state: 'queued', bytesDone: 0, bytesTotal: 1 });
    await h.waitForMessage((m) => m.id === message.id && m.status === 'failed', 'the message fails');
    const [failed] = await h.call('files:transfers', {});
    expect(failed).toMatchObject({
      messageId: message.id,
      state: 'failed',
      error: { code: 'file-not-found' },
    });
    expect(h.server.dataFrames().some((f) => f.fp === message.id)).toBe(false);
    // messages:retry is for messages that were sent; a failed upload is retried through files:retry.
    expect(await h.raw('messages:retry', { id: message.id })).toMatchObject({
      ok: false,
      error: { code: 'not-failed' },
    });
    const retried = await h.call('files:retry', { messageId: message.id });
    expect(retried.state).toBe('queued');
    await waitFor(
      () =>
        h.events.filter(
          (e) =>
            e.name === 'files:progress' && e.payload.messageId === message.id && e.payload.state === 'failed',
        ).length === 2,
      { what: 'the retry fails too' },
    );
    const cancelled = await h.call('files:cancel', { messageId: message.id });
    expect(cancelled).toMatchObject({ state: 'cancelled', error: null });
  });
});
