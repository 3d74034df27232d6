import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { provision, startCoreServer } from '../sync/helpers/coreServer';
import {
  createUpload,
  download,
  head,
  json,
  sendChunk,
  sha256,
  startPartialChunk,
  type UploadState,
} from './fileApi';

const servers: ServerProcess[] = [];

afterAll(async () => {
  for (const server of servers) await server.kill();
});

describe('upload across a server crash', () => {
  it('resumes from the bytes on disk after kill -9 and a restart', async () => {
    const first = await startCoreServer();
    servers.push(first);
    const [account] = await provision(first.url, 1, 'crash');
    if (!account) throw new Error('no account');
    const data = randomBytes(300_000);
    const { fileId } = json<UploadState>(
      await createUpload(first.url, account.token, {
        name: 'crash.bin',
        size: data.length,
        sha256: sha256(data),
      }),
    );
    const partial = path.join(first.dataDir, 'files', fileId.slice(0, 2), `${fileId}.part`);
    startPartialChunk(first.url, account.token, fileId, 0, data.length, data.subarray(0, 120_000));
    await waitFor(() => fs.existsSync(partial) && fs.statSync(partial).size > 0, {
      what: 'partial bytes on disk',
    });
    await first.kill();

    const second = await startCoreServer({}, { dataDir: first.dataDir });
    servers.push(second);
    const offset = Number((await head(second.url, account.token, fileId)).headers.get('upload-offset'));
    expect(offset).toBe(fs.statSync(partial).size);
    expect(offset).toBeGreaterThan(0);
    const rest = await sendChunk(second.url, account.token, fileId, offset, data.subarray(offset));
    expect(json<UploadState>(rest)).toMatchObject({ complete: true, sha256: sha256(data) });
    expect((await download(second.url, account.token, fileId)).body.equals(data)).toBe(true);

    // A crash after the rename but before the database recorded completion: HEAD finishes it.
    const other = json<UploadState>(
      await createUpload(second.url, account.token, {
        name: 'late.bin',
        size: 5,
        sha256: sha256(Buffer.from('hello')),
      }),
    );
    const directory = path.join(second.dataDir, 'files', other.fileId.slice(0, 2));
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(path.join(directory, other.fileId), 'hello');
    const healed = await head(second.url, account.token, other.fileId);
    expect([healed.headers.get('upload-offset'), healed.headers.get('etag')]).toEqual([
      '5',
      `"${sha256(Buffer.from('hello'))}"`,
    ]);
    expect((await download(second.url, account.token, other.fileId)).body.toString()).toBe('hello');
    expect(await second.stop()).toBe(0);
  });
});
