import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { provision, startCoreServer } from '../sync/helpers/coreServer';
import { HOSTILE_NAMES, parseContentDisposition } from './contentDispositionParse';
import {
  createUpload,
  download,
  errorOf,
  head,
  json,
  sendChunk,
  sha256,
  startPartialChunk,
  uploadFile,
  type UploadState,
} from './fileApi';

const MAX_FILE = 600_000;
const QUOTA = 1_000_000;
let server: ServerProcess;

beforeAll(async () => {
  server = await startCoreServer({ files: { maxFileBytes: MAX_FILE, quotaBytesPerUser: QUOTA } });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function user(): Promise<string> {
  const [account] = await provision(server.url, 1, 'f');
  if (!account) throw new Error('no account');
  return account.token;
}

describe('upload', () => {
  it('takes chunks by offset (PATCH Upload-Offset and PUT Content-Range), hashes and completes', async () => {
    const token = await user();
    const data = randomBytes(200_000);
    const created = await createUpload(server.url, token, { name: 'a.bin', size: data.length });
    expect(created.status).toBe(201);
    const state = json<UploadState>(created);
    expect(state).toMatchObject({
      offset: 0,
      complete: false,
      size: data.length,
      mime: 'application/octet-stream',
    });
    expect(state.fileId).toMatch(/^[0-9a-f]{32}$/);
    expect(state.uploadUrl).toBe(`/api/files/${state.fileId}`);

    const first = await sendChunk(server.url, token, state.fileId, 0, data.subarray(0, 70_000));
    expect(first.status).toBe(200);
    expect(first.headers.get('upload-offset')).toBe('70000');
    // A chunk at the wrong offset is refused with where to resume.
    const wrong = await sendChunk(server.url, token, state.fileId, 10, data.subarray(10, 20));
    expect(wrong.status).toBe(409);
    expect(errorOf(wrong)).toBe('offset-mismatch');
    expect(wrong.headers.get('upload-offset')).toBe('70000');

    const second = await sendChunk(
      server.url,
      token,
      state.fileId,
      70_000,
      data.subarray(70_000),
      'content-range',
    );
    expect(second.status).toBe(200);
    expect(json<UploadState>(second)).toMatchObject({
      offset: data.length,
      complete: true,
      sha256: sha256(data),
    });

    const got = await download(server.url, token, state.fileId);
    expect(got.status).toBe(200);
    expect(got.body.equals(data)).toBe(true);
    expect(got.headers.get('etag')).toBe(`"${sha256(data)}"`);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('accept-ranges')).toBe('bytes');
    // Complete files take no more bytes.
    expect(errorOf(await sendChunk(server.url, token, state.fileId, data.length, Buffer.from('x')))).toBe(
      'offset-mismatch',
    );
  });

  it('resumes after the connection drops mid-chunk: HEAD tells the offset, the rest completes it', async () => {
    const token = await user();
    const data = randomBytes(400_000);
    const { fileId } = json<UploadState>(
      await createUpload(server.url, token, { name: 'resume.bin', size: data.length, sha256: sha256(data) }),
    );
    const partial = path.join(server.dataDir, 'files', fileId.slice(0, 2), `${fileId}.part`);
    const chunk = startPartialChunk(server.url, token, fileId, 0, data.length, data.subarray(0, 150_000));
    // Some bytes reached the disk before the connection dies.
    await waitFor(() => fs.existsSync(partial) && fs.statSync(partial).size > 0, {
      what: 'partial bytes on disk',
    });
    chunk.abort();

    const status = await head(server.url, token, fileId);
    expect(status.status).toBe(200);
    const offset = Number(status.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(150_000);
    expect(status.headers.get('upload-length')).toBe(String(data.length));
    expect(fs.statSync(partial).size).toBe(offset);

    const rest = await sendChunk(server.url, token, fileId, offset, data.subarray(offset));
    expect(rest.status).toBe(200);
    expect(json<UploadState>(rest)).toMatchObject({ complete: true, sha256: sha256(data) });
    expect((await download(server.url, token, fileId)).body.equals(data)).toBe(true);
    expect(fs.existsSync(partial)).toBe(false);
  });

  it('discards an upload whose bytes do not match the declared SHA-256 (422) and frees its quota', async () => {
    const token = await user();
    const data = randomBytes(50_000);
    const { fileId } = json<UploadState>(
      await createUpload(server.url, token, {
        name: 'x.bin',
        size: data.length,
        sha256: sha256(Buffer.from('other')),
      }),
    );
    const sent = await sendChunk(server.url, token, fileId, 0, data);
    expect(sent.status).toBe(422);
    expect(errorOf(sent)).toBe('checksum-mismatch');
    expect((await head(server.url, token, fileId)).status).toBe(404);
    expect((await download(server.url, token, fileId)).status).toBe(404);
    // The quota holds a whole new file of the maximum size again.
    expect((await createUpload(server.url, token, { name: 'y', size: MAX_FILE })).status).toBe(201);
  });

  it('enforces the size limit, the per-user quota and chunks past the declared size', async () => {
    const token = await user();
    const tooBig = await createUpload(server.url, token, { name: 'big', size: MAX_FILE + 1 });
    expect([tooBig.status, errorOf(tooBig)]).toEqual([413, 'file-too-large']);
    expect((await createUpload(server.url, token, { name: 'one', size: MAX_FILE })).status).toBe(201);
    expect((await createUpload(server.url, token, { name: 'two', size: QUOTA - MAX_FILE })).status).toBe(201);
    const over = await createUpload(server.url, token, { name: 'three', size: 1 });
    expect([over.status, errorOf(over)]).toEqual([413, 'quota-exceeded']);

    const other = await user();
    const { fileId } = json<UploadState>(await createUpload(server.url, other, { name: 'small', size: 10 }));
    const long = await sendChunk(server.url, other, fileId, 0, randomBytes(5_000));
    expect([long.status, errorOf(long)]).toEqual([413, 'payload-too-large']);
    expect(Number((await head(server.url, other, fileId)).headers.get('upload-offset'))).toBeLessThanOrEqual(
      10,
    );
  });

  it('validates the request and completes an empty file at once', async () => {
    const token = await user();
    for (const bad of [
      { name: '', size: 1 },
      { name: 'a\nb', size: 1 },
      { name: 'a', size: -1 },
      { name: 'a', size: 1, mime: 'not a type' },
      { name: 'a', size: 1, sha256: 'xyz' },
      { name: 'a', size: 1, extra: true },
    ])
      expect((await createUpload(server.url, token, bad)).status).toBe(400);
    const empty = json<UploadState>(await createUpload(server.url, token, { name: 'empty.txt', size: 0 }));
    expect(empty).toMatchObject({ complete: true, sha256: sha256(Buffer.alloc(0)) });
    const got = await download(server.url, token, empty.fileId);
    expect([got.status, got.body.length]).toEqual([200, 0]);
    expect(errorOf(await sendChunk(server.url, token, empty.fileId, 0, Buffer.alloc(0)))).toBe(
      'offset-mismatch',
    );
    const noOffset = await fetch(`${server.url}/api/files/${empty.fileId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}` },
      body: 'x',
    });
    expect(noOffset.status).toBe(400);
  });

  it('can be cancelled by their uploader only, and only while incomplete', async () => {
    const owner = await user();
    const stranger = await user();
    const { fileId } = json<UploadState>(
      await createUpload(server.url, owner, { name: 'c', size: MAX_FILE }),
    );
    const remove = (who: string, id: string) =>
      fetch(`${server.url}/api/files/${id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${who}` },
      });
    expect((await remove(stranger, fileId)).status).toBe(404);
    expect((await remove(owner, fileId)).status).toBe(200);
    expect((await head(server.url, owner, fileId)).status).toBe(404);
    expect((await createUpload(server.url, owner, { name: 'd', size: MAX_FILE })).status).toBe(201);
    const done = await uploadFile(server.url, stranger, 'done', Buffer.from('x'));
    expect((await remove(stranger, done.fileId)).status).toBe(400);
    expect((await head(server.url, stranger, done.fileId)).status).toBe(200);
  });
});

describe('download', () => {
  it('answers single ranges with 206, unsatisfiable ones with 416 and several with the whole file', async () => {
    const token = await user();
    const data = randomBytes(1_000);
    const { fileId } = await uploadFile(server.url, token, 'r.bin', data);
    const range = async (header: string) => download(server.url, token, fileId, { range: header });

    const first = await range('bytes=0-0');
    expect([first.status, first.headers.get('content-range'), first.body]).toEqual([
      206,
      'bytes 0-0/1000',
      data.subarray(0, 1),
    ]);
    const last = await range('bytes=999-999');
    expect([last.status, last.headers.get('content-range'), last.body]).toEqual([
      206,
      'bytes 999-999/1000',
      data.subarray(999),
    ]);
    const suffix = await range('bytes=-100');
    expect([suffix.status, suffix.headers.get('content-range'), suffix.body]).toEqual([
      206,
      'bytes 900-999/1000',
      data.subarray(900),
    ]);
    const open = await range('bytes=500-');
    expect([open.status, open.headers.get('content-length'), open.body]).toEqual([
      206,
      '500',
      data.subarray(500),
    ]);
    const clipped = await range('bytes=990-5000');
    expect([clipped.status, clipped.headers.get('content-range')]).toEqual([206, 'bytes 990-999/1000']);
    for (const beyond of ['bytes=1000-', 'bytes=1000-1001', 'bytes=-0']) {
      const refused = await range(beyond);
      expect([refused.status, refused.headers.get('content-range'), errorOf(refused)]).toEqual([
        416,
        'bytes */1000',
        'range-not-satisfiable',
      ]);
    }
    const several = await range('bytes=0-1,5-6');
    expect([several.status, several.body.equals(data)]).toEqual([200, true]);
    const cached = await download(server.url, token, fileId, { 'if-none-match': `"${sha256(data)}"` });
    expect([cached.status, cached.body.length]).toEqual([304, 0]);
  });

  it('names any file correctly in Content-Disposition (RFC 6266 / 5987)', async () => {
    const token = await user();
    for (const name of HOSTILE_NAMES) {
      const { fileId } = await uploadFile(server.url, token, name, Buffer.from(name, 'utf8'), 'text/plain');
      const got = await download(server.url, token, fileId);
      expect(got.status).toBe(200);
      const header = got.headers.get('content-disposition') ?? '';
      const parsed = parseContentDisposition(header);
      expect(parsed).toMatchObject({ type: 'attachment', filenameStar: name });
      expect(parsed.filename).toMatch(/^[\x20-\x7e]+$/);
      expect(got.headers.get('content-type')).toBe('text/plain');
      expect(got.body.toString('utf8')).toBe(name);
    }
  });
});

describe('refusals', () => {
  it('wants a signed-in user for every file endpoint', async () => {
    const token = await user();
    const { fileId } = await uploadFile(server.url, token, 'mine.txt', Buffer.from('mine'));
    expect((await createUpload(server.url, null, { name: 'a', size: 1 })).status).toBe(401);
    expect((await sendChunk(server.url, null, fileId, 0, Buffer.from('x'))).status).toBe(401);
    expect((await head(server.url, null, fileId)).status).toBe(401);
    expect((await download(server.url, null, fileId)).status).toBe(401);
    expect((await download(server.url, 'not.a.token', fileId)).status).toBe(401);
  });

  it('never lets a file id reach the file system: hostile ids are 404', async () => {
    const token = await user();
    for (const id of [
      '..%2F..%2Ftidings.db',
      '..%2Fauth-secret',
      '%2E%2E',
      'ABCDEF0123456789ABCDEF0123456789',
      `${'0'.repeat(32)}.part`,
      '0'.repeat(32),
    ]) {
      const got = await download(server.url, token, id);
      expect(got.status, id).toBe(404);
      expect(got.body.toString()).not.toContain('SQLite');
      expect((await head(server.url, token, id)).status, id).toBe(404);
    }
  });

  it('hides other users’ uploads in progress and files never shared with them', async () => {
    const owner = await user();
    const stranger = await user();
    const data = randomBytes(100);
    const pending = json<UploadState>(await createUpload(server.url, owner, { name: 'p', size: 100 }));
    expect((await head(server.url, stranger, pending.fileId)).status).toBe(404);
    expect((await sendChunk(server.url, stranger, pending.fileId, 0, data)).status).toBe(404);
    const done = await uploadFile(server.url, owner, 'done.bin', data);
    const got = await download(server.url, stranger, done.fileId);
    expect([got.status, errorOf(got)]).toEqual([404, 'file-not-found']);
  });
});
