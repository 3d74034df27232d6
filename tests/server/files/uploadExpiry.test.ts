import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ServerProcess } from '../../helpers/serverProcess';
import { provision, startCoreServer } from '../sync/helpers/coreServer';
import { createUpload, head, json, sendChunk, uploadFile, type UploadState } from './fileApi';

let server: ServerProcess;

beforeAll(async () => {
  server = await startCoreServer({ files: { quotaBytesPerUser: 1_000, incompleteUploadTtlMs: 300 } });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

async function token(): Promise<string> {
  const [account] = await provision(server.url, 1, 'exp');
  if (!account) throw new Error('no account');
  return account.token;
}

describe('abandoned uploads', () => {
  it('are deleted after their time (timing-independent: only the end state is asserted)', async () => {
    const owner = await token();
    const kept = await uploadFile(server.url, owner, 'kept.txt', Buffer.from('kept'));
    const { fileId } = json<UploadState>(await createUpload(server.url, owner, { name: 'left', size: 996 }));
    await sendChunk(server.url, owner, fileId, 0, Buffer.from('abc'));
    await waitFor(async () => (await head(server.url, owner, fileId)).status === 404, {
      what: 'the abandoned upload to expire',
    });
    // Its reservation went with it (the quota is 1,000 bytes and 4 are used by the kept file).
    expect((await createUpload(server.url, owner, { name: 'more', size: 996 })).status).toBe(201);
    expect((await head(server.url, owner, kept.fileId)).status).toBe(200);
  });
});
