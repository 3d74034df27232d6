import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDownload } from '../../../../electron/core/files/downloadTask';
import { createFileApi, type FileApi } from '../../../../electron/core/files/fileApi';
import { TransferError } from '../../../../electron/core/files/transferError';
import type { TransferPatch, TransferRecord } from '../../../../electron/core/files/transferRecord';
import type { ServerProcess } from '../../../helpers/serverProcess';
import { useTempDirs } from '../helpers/tempDirs';
import { registerHttp, startTestServer, type HttpUser } from '../integration/realServer';
import { patternBytes, sha256 } from './fileTestKit';

const newDir = useTempDirs('tidings-ranges-');
const data = patternBytes(250_000, 11);
let server: ServerProcess;
let alice: HttpUser;
let fileId: string;
let emptyId: string;
/** Every GET the engine made: its Range header (or none) and the answer's status. */
const gets: { range: string | null; status: number }[] = [];
let api: FileApi;

beforeAll(async () => {
  server = await startTestServer({}, { dataDir: newDir() });
  alice = await registerHttp(server.url, 'alice');
  api = createFileApi(server.url, async (input, init) => {
    const response = await fetch(input, init);
    if (
      (init?.method ?? 'GET') === 'GET' &&
      !(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).endsWith('/info')
    )
      gets.push({ range: new Headers(init?.headers).get('range'), status: response.status });
    return response;
  });
  const created = await api.create(alice.token, {
    name: 'data.bin',
    size: data.length,
    mime: 'application/octet-stream',
    sha256: sha256(data),
  });
  fileId = (await api.append(alice.token, created.fileId, 0, data)).fileId;
  emptyId = (
    await api.create(alice.token, {
      name: 'empty',
      size: 0,
      mime: 'text/plain',
      sha256: sha256(Buffer.alloc(0)),
    })
  ).fileId;
});

afterAll(async () => {
  await server?.stop();
});

/** Runs one download of `id` into `dir` with a partial file that already holds `part` (if given). */
async function download(
  dir: string,
  overrides: Partial<TransferRecord> & { part?: Buffer } = {},
): Promise<{ saved: string; patches: TransferPatch[] }> {
  const partPath = path.join(dir, 'data.bin.test.part');
  if (overrides.part) fs.writeFileSync(partPath, overrides.part);
  const patches: TransferPatch[] = [];
  const record: TransferRecord = {
    messageId: 'message-1',
    conversationId: 'd:1:2',
    direction: 'download',
    kind: 'file',
    name: 'data.bin',
    mime: 'application/octet-stream',
    size: data.length,
    sha256: sha256(data),
    fileId,
    toUserId: null,
    sourcePath: null,
    targetDir: dir,
    partPath,
    localPath: null,
    thumbnailPath: null,
    bytesDone: 0,
    state: 'running',
    errorCode: null,
    errorMessage: null,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
  gets.length = 0;
  const saved = await runDownload({
    record,
    signal: new AbortController().signal,
    api,
    authed: (call) => call(alice.token),
    chunkBytes: 64 * 1024,
    update: (patch) => {
      patches.push(patch);
      return Promise.resolve();
    },
  });
  return { saved, patches };
}

describe('download ranges against the real server', () => {
  it('resumes a partial file with Range from its size', async () => {
    const dir = newDir();
    const { saved, patches } = await download(dir, { part: data.subarray(0, 100_000) });
    expect(gets).toEqual([{ range: 'bytes=100000-', status: 206 }]);
    expect(fs.readFileSync(saved).equals(data)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['data.bin']);
    expect(patches.find((p) => p.bytesDone !== undefined)?.bytesDone).toBe(100_000);
  });

  it('asks for nothing when the partial file is already whole', async () => {
    const dir = newDir();
    const { saved } = await download(dir, { part: data });
    expect(gets).toEqual([]);
    expect(fs.readFileSync(saved).equals(data)).toBe(true);
  });

  it('takes a 416 for a whole partial file of unknown size as done', async () => {
    const dir = newDir();
    const { saved } = await download(dir, { part: data, size: null });
    expect(gets).toEqual([{ range: `bytes=${data.length}-`, status: 416 }]);
    expect(fs.readFileSync(saved).equals(data)).toBe(true);
  });

  it('starts over when the partial file is longer than the file', async () => {
    const dir = newDir();
    const { saved } = await download(dir, { part: Buffer.concat([data, Buffer.from('junk')]) });
    expect(gets).toEqual([{ range: null, status: 200 }]);
    expect(fs.readFileSync(saved).equals(data)).toBe(true);
  });

  it('starts over after a 416 when the partial file is longer and the size unknown', async () => {
    const dir = newDir();
    const { saved } = await download(dir, { part: Buffer.concat([data, Buffer.from('junk')]), size: null });
    expect(gets).toEqual([
      { range: `bytes=${data.length + 4}-`, status: 416 },
      { range: null, status: 200 },
    ]);
    expect(fs.readFileSync(saved).equals(data)).toBe(true);
  });

  it('fails with checksum-mismatch when the kept bytes were not this file, and removes them', async () => {
    const dir = newDir();
    const wrong = Buffer.from(data.subarray(0, 100_000));
    wrong[500] = (wrong[500] ?? 0) ^ 0xff;
    const failure = await download(dir, { part: wrong }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransferError);
    expect((failure as TransferError).code).toBe('checksum-mismatch');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('downloads an empty file (no Range: there is nothing to resume)', async () => {
    const dir = newDir();
    const { saved } = await download(dir, {
      fileId: emptyId,
      name: 'empty',
      size: 0,
      sha256: sha256(Buffer.alloc(0)),
    });
    expect(fs.readFileSync(saved)).toHaveLength(0);
    expect(path.basename(saved)).toBe('empty');
  });

  it('never overwrites: a taken name gets a number, a reserved one a prefix', async () => {
    const dir = newDir();
    fs.writeFileSync(path.join(dir, 'data.bin'), 'mine');
    fs.writeFileSync(path.join(dir, 'data (1).bin'), 'mine too');
    const first = await download(dir);
    expect(path.basename(first.saved)).toBe('data (2).bin');
    expect(fs.readFileSync(path.join(dir, 'data.bin'), 'utf8')).toBe('mine');
    const reserved = await download(dir, { name: 'aux.bin' });
    expect(path.basename(reserved.saved)).toBe('_aux.bin');
  });

  it('answers file-not-found for an id the user may not read', async () => {
    const bob = await registerHttp(server.url, 'bob-ranges');
    const failure = await runDownload({
      record: {
        messageId: 'm',
        conversationId: 'd:1:2',
        direction: 'download',
        kind: 'file',
        name: 'x',
        mime: 'x',
        size: null,
        sha256: null,
        fileId,
        toUserId: null,
        sourcePath: null,
        targetDir: newDir(),
        partPath: null,
        localPath: null,
        thumbnailPath: null,
        bytesDone: 0,
        state: 'running',
        errorCode: null,
        errorMessage: null,
        createdAt: 0,
        updatedAt: 0,
      },
      signal: new AbortController().signal,
      api,
      authed: (call) => call(bob.token),
      chunkBytes: 1024,
      update: () => Promise.resolve(),
    }).catch((error: unknown) => error);
    const { classify } = await import('../../../../electron/core/files/transferError');
    expect(classify(failure)).toMatchObject({ code: 'file-not-found' });
  });
});
