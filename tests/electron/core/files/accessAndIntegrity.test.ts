import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { registerHttp, startTestServer } from '../integration/realServer';
import {
  fileClient,
  fileTuning,
  loginHttp,
  patternBytes,
  sendRaw,
  transferEvents,
  waitForTransfer,
  writeFile,
} from './fileTestKit';

const newDir = useTempDirs('tidings-files-acl-');
let server: ServerProcess;
let alice: EngineClient;
let bob: EngineClient;
let carol: EngineClient;
let conversationId: string;
const engines: EngineClient[] = [];

beforeAll(async () => {
  server = await startTestServer({}, { dataDir: newDir() });
  alice = await fileClient(server.url, 'alice', newDir);
  bob = await fileClient(server.url, 'bob', newDir);
  carol = await fileClient(server.url, 'carol', newDir);
  engines.push(alice, bob, carol);
  conversationId = (await alice.call('conversations:open', { username: 'bob' })).id;
});

afterAll(async () => {
  for (const engine of engines) await engine.close();
  await server?.stop();
});

async function sendToBob(name: string, data: Buffer): Promise<{ id: string; fileId: string; seq: number }> {
  const source = writeFile(path.join(newDir(), name), data);
  const { message } = await alice.call('files:send', {
    conversationId,
    source: { type: 'path', path: source },
  });
  await alice.waitForStatus(message.id, 'sent');
  const received = await waitFor(
    () =>
      bob
        .messageEvents()
        .find((m) => m.id === message.id && typeof m.body.sha256 === 'string' && m.seq !== null),
    { what: 'bob has the file message' },
  );
  return { id: message.id, fileId: String(received.body.fileId), seq: received.seq ?? 0 };
}

describe('who may download, and what arrives', () => {
  it('lets a third user download a forwarded file, and nobody else', async () => {
    const data = patternBytes(90_000, 5);
    const sent = await sendToBob('plans 计划.txt', data);
    const bobHttp = await loginHttp(server.url, 'bob');
    // The contract has no forward yet: bob forwards over a bare protocol client.
    await sendRaw(server.wsUrl, bobHttp, carol.account.userId, {
      kind: 'forward',
      body: { conversationId, seq: sent.seq },
    });
    const forwarded = await waitFor(
      () => carol.messageEvents().find((m) => m.kind === 'file' && m.body.fileId === sent.fileId),
      { what: 'carol gets the forwarded file' },
    );
    expect(forwarded.body).toMatchObject({ name: 'plans 计划.txt', size: data.length });
    const dir = newDir();
    await carol.call('files:download', { messageId: forwarded.id, dir });
    const done = await waitForTransfer(carol, forwarded.id, 'done');
    expect(fs.readFileSync(done.path ?? '').equals(data)).toBe(true);

    // A stranger holds no message with the file: the server answers as for a file that does not exist.
    const dave = await registerHttp(server.url, 'dave');
    const response = await fetch(`${server.url}/api/files/${sent.fileId}`, {
      headers: { authorization: `Bearer ${dave.token}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'file-not-found' } });
  });

  it('reports a checksum mismatch when the bytes that arrive are not the file, and keeps no part of them', async () => {
    const data = patternBytes(150_000, 9);
    const sent = await sendToBob('ledger.xlsx', data);
    // Damage the stored copy on the server (same size, one byte flipped): its recorded sha256 no longer fits.
    const blob = path.join(server.dataDir, 'files', sent.fileId.slice(0, 2), sent.fileId);
    const stored = fs.readFileSync(blob);
    stored[70_000] = (stored[70_000] ?? 0) ^ 0x01;
    fs.writeFileSync(blob, stored);

    const dir = newDir();
    await bob.call('files:download', { messageId: sent.id, dir });
    const failed = await waitForTransfer(bob, sent.id, 'failed');
    expect(failed.error).toEqual({
      code: 'checksum-mismatch',
      message: 'The file arrived damaged: its checksum does not match.',
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await bob.call('files:get', { messageId: sent.id })).toMatchObject({
      path: null,
      transfer: { state: 'failed' },
    });
    expect((await bob.call('files:transfers', {})).map((t) => [t.messageId, t.state])).toContainEqual([
      sent.id,
      'failed',
    ]);
  });

  it('resumes an upload after the engine restarts, from where the server stopped', async () => {
    const dataDir = newDir();
    const sender = createEngineClient(dataDir, {
      downloadsDir: newDir(),
      tuning: { ...fileTuning, fileChunkBytes: 16 * 1024 },
    });
    engines.push(sender);
    await sender.register(server.url, 'erin');
    const toBob = (await sender.call('conversations:open', { username: 'bob' })).id;
    const data = patternBytes(3_000_000, 13);
    const source = writeFile(path.join(newDir(), 'video.mp4'), data);
    const { message } = await sender.call('files:send', {
      conversationId: toBob,
      source: { type: 'path', path: source },
    });
    await waitForTransfer(sender, message.id, 'running', (t) => t.bytesDone >= 64 * 1024);
    await sender.close();
    const stoppedAt = sender.query<{ bytes_done: number; state: string; file_id: string }>(
      'SELECT bytes_done, state, file_id FROM transfers WHERE message_id = ?',
      message.id,
    )[0];
    expect(stoppedAt?.bytes_done).toBeLessThan(data.length);
    // Nothing was sent: the message waits for its upload.
    expect(sender.query('SELECT fp FROM outbox')).toEqual([]);
    expect(transferEvents(sender, message.id).some((t) => t.state === 'done')).toBe(false);

    const again = createEngineClient(dataDir, { downloadsDir: newDir(), tuning: fileTuning });
    engines.push(again);
    await again.restored();
    await waitForTransfer(again, message.id, 'done');
    await again.waitForStatus(message.id, 'sent');
    const resumed = again.logger.entries.find(
      (e) => e.event === 'transfer.running' && e.fields.messageId === message.id,
    );
    expect(Number(resumed?.fields.from)).toBeGreaterThan(0);
    const got = await waitFor(
      () => bob.messageEvents().find((m) => m.id === message.id && typeof m.body.sha256 === 'string'),
      { what: 'bob gets the resumed file' },
    );
    expect(got.body.fileId).toBe(stoppedAt?.file_id);
    await bob.call('files:download', { messageId: message.id, dir: newDir() });
    const done = await waitForTransfer(bob, message.id, 'done');
    expect(fs.readFileSync(done.path ?? '').equals(data)).toBe(true);
  });

  it('fails an upload the server refuses (over the size limit) and a retry after fixing nothing fails again', async () => {
    // The quota is 2 GiB and files up to 100 MiB: a file the server cannot take is refused at creation.
    const dataDir = newDir();
    const sender = createEngineClient(dataDir, { downloadsDir: newDir(), tuning: fileTuning });
    engines.push(sender);
    await sender.register(server.url, 'frank');
    const toBob = (await sender.call('conversations:open', { username: 'bob' })).id;
    const big = path.join(newDir(), 'huge.iso');
    // A sparse file: 101 MiB on paper, nothing on disk.
    const handle = fs.openSync(big, 'w');
    fs.ftruncateSync(handle, 101 * 1024 * 1024);
    fs.closeSync(handle);
    const { message } = await sender.call('files:send', {
      conversationId: toBob,
      source: { type: 'path', path: big },
    });
    const failed = await waitForTransfer(sender, message.id, 'failed');
    expect(failed.error?.code).toBe('file-too-large');
    await sender.waitForStatus(message.id, 'failed');
    expect(sender.query('SELECT fp FROM outbox')).toEqual([]);
    await sender.call('files:retry', { messageId: message.id });
    await sender.waitForStatus(message.id, 'sending');
    await waitFor(() => transferEvents(sender, message.id).filter((t) => t.state === 'failed').length === 2, {
      what: 'the second failure',
    });
  });
});
