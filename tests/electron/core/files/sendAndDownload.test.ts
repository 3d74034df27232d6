import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import type { EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { closeAliceAndBob } from '../integration/aliceAndBob';
import { startTestServer } from '../integration/realServer';
import { pngImage } from '../../../server/files/images';
import { fileClient, patternBytes, sha256, transferEvents, waitForTransfer, writeFile } from './fileTestKit';

const newDir = useTempDirs('tidings-files-');
let server: ServerProcess;
let alice: EngineClient;
let bob: EngineClient;
let conversationId: string;

beforeAll(async () => {
  server = await startTestServer({}, { dataDir: newDir() });
  alice = await fileClient(server.url, 'alice', newDir);
  bob = await fileClient(server.url, 'bob', newDir);
  conversationId = (await alice.call('conversations:open', { username: 'bob' })).id;
});

afterAll(async () => {
  await closeAliceAndBob(alice, bob, server);
});

const hostileNames = [
  '报告 #1 100%+final.pdf',
  'CON.txt',
  '..\\..\\evil<>:"|?*.txt',
  'trailing dots... ',
  'emoji 🎉🐱‍👤.bin',
];

describe('sending and downloading files through the engine', () => {
  it('uploads in chunks, sends the message after the upload and lets bob download it under a safe name', async () => {
    const data = patternBytes(300_000);
    const source = writeFile(path.join(newDir(), 'quarterly report.pdf'), data);
    const { message, transfer } = await alice.call('files:send', {
      conversationId,
      source: { type: 'path', path: source },
    });
    expect(message).toMatchObject({ kind: 'file', status: 'sending', outgoing: true });
    expect(message.body).toMatchObject({ name: 'quarterly report.pdf', size: data.length });
    expect(transfer).toMatchObject({ direction: 'upload', state: 'queued', bytesTotal: data.length });

    await waitForTransfer(alice, message.id, 'done');
    const sent = await alice.waitForStatus(message.id, 'sent');
    expect(sent.body.fileId).toMatch(/^[0-9a-f]{32}$/);
    // Several chunks (64 KiB each in these tests), and the message went out only after the last.
    const uploadProgress = transferEvents(alice, message.id).map((t) => t.bytesDone);
    expect(uploadProgress.filter((b) => b > 0 && b < data.length).length).toBeGreaterThan(0);

    const received = await waitFor(
      () => bob.messageEvents().find((m) => m.id === message.id && typeof m.body.sha256 === 'string'),
      { what: 'bob gets the file message' },
    );
    expect(received).toMatchObject({ kind: 'file', status: 'received' });
    expect(received.body).toMatchObject({
      name: 'quarterly report.pdf',
      size: data.length,
      sha256: sha256(data),
    });
    const list = await bob.call('conversations:list', {});
    expect(list.find((c) => c.id === conversationId)?.lastMessage?.preview).toBe('[File]');

    const dir = newDir();
    const started = await bob.call('files:download', { messageId: message.id, dir });
    expect(started.direction).toBe('download');
    const done = await waitForTransfer(bob, message.id, 'done');
    expect(done.path).toBe(path.join(dir, 'quarterly report.pdf'));
    expect(fs.readFileSync(path.join(dir, 'quarterly report.pdf')).equals(data)).toBe(true);
    // No partial file is left behind.
    expect(fs.readdirSync(dir)).toEqual(['quarterly report.pdf']);

    const local = await bob.call('files:get', { messageId: message.id });
    expect(local).toMatchObject({ path: done.path, thumbnailDataUrl: null, transfer: { state: 'done' } });
    // Asking again for the same file answers the finished download.
    expect(await bob.call('files:download', { messageId: message.id })).toMatchObject({
      state: 'done',
      path: done.path,
    });
    // Into the same folder again: a second copy, numbered.
    await bob.call('files:download', { messageId: message.id, dir });
    await waitFor(() => fs.existsSync(path.join(dir, 'quarterly report (1).pdf')), {
      what: 'the second copy',
    });
    expect(fs.readFileSync(path.join(dir, 'quarterly report (1).pdf')).equals(data)).toBe(true);
  });

  it('saves files with hostile names under safe, unique names inside the chosen folder', async () => {
    const dir = newDir();
    const ids: string[] = [];
    for (const [i, name] of hostileNames.entries()) {
      const { message } = await alice.call('files:send', {
        conversationId,
        source: { type: 'bytes', name, dataBase64: patternBytes(1_000 + i, i).toString('base64') },
      });
      ids.push(message.id);
    }
    for (const id of ids) await alice.waitForStatus(id, 'sent');
    for (const id of ids)
      await waitFor(() => bob.messageEvents().find((m) => m.id === id && typeof m.body.fileId === 'string'), {
        what: `bob gets ${id}`,
      });
    // The sender's names arrive exactly as given (they are metadata, never paths).
    const names = ids.map((id) => bob.messageEvents().find((m) => m.id === id)?.body.name);
    expect(names).toEqual(hostileNames);
    for (const id of ids) await bob.call('files:download', { messageId: id, dir });
    const saved = [];
    for (const id of ids) saved.push((await waitForTransfer(bob, id, 'done')).path);
    expect(saved.map((p) => path.basename(p ?? ''))).toEqual([
      '报告 #1 100%+final.pdf',
      '_CON.txt',
      '.._.._evil_______.txt',
      'trailing dots',
      'emoji 🎉🐱‍👤.bin',
    ]);
    for (const [i, p] of saved.entries()) {
      expect(path.dirname(p ?? '')).toBe(dir);
      expect(fs.readFileSync(p ?? '').equals(patternBytes(1_000 + i, i))).toBe(true);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(saved.map((p) => path.basename(p ?? '')).sort());
  });

  it('sends a picture as an image with a cached thumbnail on both sides', async () => {
    const png = pngImage(40, 30);
    const source = writeFile(path.join(newDir(), 'cat.png'), png);
    const { message } = await alice.call('files:send', {
      conversationId,
      source: { type: 'path', path: source },
    });
    expect(message.kind).toBe('image');
    const local = await alice.call('files:get', { messageId: message.id });
    expect(local.thumbnailDataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(local.path).toBe(source);
    await alice.waitForStatus(message.id, 'sent');

    const received = await waitFor(
      () => bob.messageEvents().find((m) => m.id === message.id && m.body.width === 40),
      { what: 'bob gets the image with its size' },
    );
    expect(received.body).toMatchObject({ width: 40, height: 30, mime: 'image/png' });
    expect(
      (await bob.call('conversations:list', {})).find((c) => c.id === conversationId)?.lastMessage?.preview,
    ).toBe('[Image]');
    expect((await bob.call('files:get', { messageId: message.id })).thumbnailDataUrl).toBeNull();
    await bob.call('files:download', { messageId: message.id, dir: newDir() });
    await waitForTransfer(bob, message.id, 'done');
    const shown = await bob.call('files:get', { messageId: message.id });
    expect(shown.thumbnailDataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);
    // The thumbnail is a cached copy: it stays when the user removes the downloaded file.
    fs.rmSync(shown.path ?? '');
    expect((await bob.call('files:get', { messageId: message.id })).thumbnailDataUrl).toBe(
      local.thumbnailDataUrl,
    );
  });

  it('sends a file to a group; every member may download it', async () => {
    const { conversation } = await alice.call('groups:create', {
      name: 'files crew',
      memberIds: [bob.account.userId],
    });
    const data = patternBytes(70_000, 21);
    const { message } = await alice.call('files:send', {
      conversationId: conversation.id,
      source: { type: 'bytes', name: 'minutes.txt', dataBase64: data.toString('base64') },
    });
    await alice.waitForStatus(message.id, 'sent');
    const received = await waitFor(
      () => bob.messageEvents().find((m) => m.id === message.id && typeof m.body.sha256 === 'string'),
      { what: 'bob gets the group file' },
    );
    expect(received.conversationId).toBe(conversation.id);
    await bob.call('files:download', { messageId: message.id });
    const done = await waitForTransfer(bob, message.id, 'done');
    expect(fs.readFileSync(done.path ?? '').equals(data)).toBe(true);
  });

  it('throttles progress: no byte counts between state changes inside the interval', async () => {
    const quiet = await fileClient(server.url, 'quinn', newDir, {
      tuning: { fileProgressIntervalMs: 600_000 },
    });
    try {
      const toBob = (await quiet.call('conversations:open', { username: 'bob' })).id;
      const data = patternBytes(400_000, 4);
      const { message } = await quiet.call('files:send', {
        conversationId: toBob,
        source: { type: 'bytes', name: 'quiet.bin', dataBase64: data.toString('base64') },
      });
      await waitForTransfer(quiet, message.id, 'done');
      const moving = transferEvents(quiet, message.id).filter(
        (t) => t.state === 'running' && t.bytesDone > 0 && t.bytesDone < data.length,
      );
      expect(moving).toEqual([]);
      // Without the throttle the same upload reports every 64 KiB chunk.
      expect(transferEvents(quiet, message.id).length).toBeLessThan(data.length / (64 * 1024));
    } finally {
      await quiet.close();
    }
  });

  it('refuses what cannot be sent with clear errors, and keeps nothing of it', async () => {
    const text = writeFile(path.join(newDir(), 'notes.txt'), Buffer.from('not a picture'));
    const asImage = await alice.host.dispatch('files:send', {
      conversationId,
      source: { type: 'path', path: text },
      as: 'image',
    });
    expect(asImage).toMatchObject({ ok: false, error: { code: 'not-an-image' } });
    const missing = await alice.host.dispatch('files:send', {
      conversationId,
      source: { type: 'path', path: path.join(newDir(), 'nowhere.bin') },
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'file-unreadable' } });
    const folder = await alice.host.dispatch('files:send', {
      conversationId,
      source: { type: 'path', path: newDir() },
    });
    expect(folder).toMatchObject({ ok: false, error: { code: 'file-unreadable' } });
    const relative = await alice.host.dispatch('files:send', {
      conversationId,
      source: { type: 'path', path: 'relative/file.txt' },
    });
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await alice.host.dispatch('files:send', {
      conversationId: 'd:nobody:else',
      source: { type: 'path', path: text },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'conversation-not-found' } });
    const notAFile = await alice.host.dispatch('files:download', { messageId: 'no-such-message' });
    expect(notAFile).toMatchObject({ ok: false, error: { code: 'message-not-found' } });
    expect(alice.query("SELECT count(*) AS n FROM transfers WHERE state <> 'done'")).toEqual([{ n: 0 }]);
  });
});
