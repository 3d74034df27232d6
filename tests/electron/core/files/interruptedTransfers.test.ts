import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, waitFor, type ServerProcess } from '../../../helpers/serverProcess';
import type { EngineClient } from '../helpers/engineClient';
import { useTempDirs } from '../helpers/tempDirs';
import { serverConfigArgs } from '../integration/realServer';
import { fileClient, patternBytes, transferEvents, waitForTransfer, writeFile } from './fileTestKit';
import { startThrottlingProxy } from './throttlingProxy';

const newDir = useTempDirs('tidings-files-cut-');
const SIZE = 1_200_000;
let server: ServerProcess;
let proxy: Awaited<ReturnType<typeof startThrottlingProxy>>;
let alice: EngineClient;
let bob: EngineClient;
let conversationId: string;
const data = patternBytes(SIZE, 42);
const args = serverConfigArgs();

/** A file alice sent and bob has in his timeline, ready to download. */
async function fileForBob(name: string, bytes: Buffer = data): Promise<string> {
  const source = writeFile(path.join(newDir(), name), bytes);
  const { message } = await alice.call('files:send', {
    conversationId,
    source: { type: 'path', path: source },
  });
  await alice.waitForStatus(message.id, 'sent');
  await waitFor(
    () => bob.messageEvents().find((m) => m.id === message.id && typeof m.body.sha256 === 'string'),
    {
      what: 'bob has the message',
    },
  );
  return message.id;
}

const runsOf = (client: EngineClient, messageId: string) =>
  client.logger.entries.filter((e) => e.event === 'transfer.running' && e.fields.messageId === messageId);

beforeAll(async () => {
  server = await startServer({ dataDir: newDir(), args });
  proxy = await startThrottlingProxy(server.port, 10_000_000);
  alice = await fileClient(proxy.url, 'alice', newDir);
  bob = await fileClient(proxy.url, 'bob', newDir, { tuning: { fileConcurrency: 1 } });
  conversationId = (await alice.call('conversations:open', { username: 'bob' })).id;
});

afterAll(async () => {
  await alice?.close();
  await bob?.close();
  await proxy?.close();
  await server?.stop();
});

describe('transfers cut off mid-way', () => {
  it('resumes a download by Range after the server is killed and restarted', async () => {
    const messageId = await fileForBob('big file.bin');
    proxy.setRate(200_000);
    const dir = newDir();
    await bob.call('files:download', { messageId, dir });
    await waitForTransfer(bob, messageId, 'running', (t) => t.bytesDone >= 150_000);

    await server.kill();
    const paused = await waitForTransfer(bob, messageId, 'paused');
    expect(paused.bytesDone).toBeGreaterThan(0);
    expect(paused.bytesDone).toBeLessThan(SIZE);
    const part = fs.readdirSync(dir);
    expect(part).toHaveLength(1);
    expect(part[0]).toMatch(/^big file\.bin\..+\.part$/);

    server = await startServer({ port: server.port, dataDir: server.dataDir, args });
    proxy.setRate(10_000_000);
    const done = await waitForTransfer(bob, messageId, 'done');
    expect(fs.readFileSync(done.path ?? '').equals(data)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['big file.bin']);
    // The second run started from the bytes already on disk, not from zero.
    const resumedFrom = runsOf(bob, messageId).map((e) => e.fields.from);
    expect(resumedFrom.length).toBeGreaterThanOrEqual(2);
    expect(Number(resumedFrom.at(-1))).toBeGreaterThan(0);
    // Progress never went backwards across the cut.
    const progress = transferEvents(bob, messageId).map((t) => t.bytesDone);
    const afterCut = progress.slice(progress.indexOf(paused.bytesDone));
    expect(afterCut.every((b, i) => i === 0 || b >= (afterCut[i - 1] ?? 0))).toBe(true);
  });

  it('resumes when the network drops every connection, and runs one download at a time', async () => {
    const first = await fileForBob('first.bin');
    const second = await fileForBob('second.bin', patternBytes(300_000, 3));
    proxy.setRate(200_000);
    const dir = newDir();
    await bob.call('files:download', { messageId: first, dir });
    await bob.call('files:download', { messageId: second, dir });
    await waitForTransfer(bob, first, 'running', (t) => t.bytesDone > 100_000);
    // Concurrency 1: the second waits in the queue while the first runs.
    expect(transferEvents(bob, second).map((t) => t.state)).toEqual(['queued']);
    proxy.cutAll();
    await waitForTransfer(bob, first, 'paused');
    proxy.setRate(10_000_000);
    await waitForTransfer(bob, first, 'done');
    await waitForTransfer(bob, second, 'done');
    expect(fs.readFileSync(path.join(dir, 'first.bin')).equals(data)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'second.bin')).equals(patternBytes(300_000, 3))).toBe(true);
    // Never two running at once.
    let runningNow = new Set<string>();
    for (const t of transferEvents(bob).filter((e) => e.messageId === first || e.messageId === second)) {
      if (t.state === 'running') runningNow.add(t.messageId);
      else runningNow = new Set([...runningNow].filter((id) => id !== t.messageId));
      expect(runningNow.size).toBeLessThanOrEqual(1);
    }
  });

  it('cancels a running download (the partial file goes) and a retry starts it again', async () => {
    const messageId = await fileForBob('cancel me.bin');
    proxy.setRate(100_000);
    const dir = newDir();
    await bob.call('files:download', { messageId, dir });
    await waitForTransfer(bob, messageId, 'running', (t) => t.bytesDone > 50_000);
    const cancelled = await bob.call('files:cancel', { messageId });
    expect(cancelled).toMatchObject({ state: 'cancelled', error: null });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await bob.call('files:transfers', {})).toEqual(
      expect.arrayContaining([expect.objectContaining({ messageId, state: 'cancelled' })]),
    );
    proxy.setRate(10_000_000);
    await bob.call('files:retry', { messageId });
    const done = await waitForTransfer(bob, messageId, 'done');
    expect(fs.readFileSync(done.path ?? '').equals(data)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['cancel me.bin']);
  });
});
