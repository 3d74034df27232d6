import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../helpers/serverProcess';
import { pngImage } from '../../server/files/images';
import { useTempDirs } from '../core/helpers/tempDirs';
import { startTestServer } from '../core/integration/realServer';
import { runCli } from './cliProcess';

const tempDir = useTempDirs('tidings-cli-files-');
let server: ServerProcess;
const aliceDir = tempDir();
const bobDir = tempDir();
const bobHome = tempDir();
const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 31 + 7) % 251));

const as = (dir: string, ...args: string[]) =>
  runCli([...args, '--data-dir', dir, '--timeout', '30'], { env: { HOME: bobHome } });

beforeAll(async () => {
  server = await startTestServer();
  for (const [dir, user] of [
    [aliceDir, 'alice'],
    [bobDir, 'bob'],
  ] as const) {
    const registered = await as(
      dir,
      'register',
      '--server',
      server.url,
      '--user',
      user,
      '--password',
      'pw-123456',
    );
    expect(registered.code).toBe(0);
  }
});

afterAll(async () => {
  await server?.stop();
});

describe('tidings send-file and download', () => {
  it('sends a file with progress and downloads it under its own name, then a numbered copy', async () => {
    const source = path.join(tempDir(), '报告 #1 100%+final.pdf');
    fs.writeFileSync(source, data);
    const sent = await as(aliceDir, 'send-file', 'bob', source, '--json');
    expect(sent.code).toBe(0);
    const record = JSON.parse(sent.stdout) as { id: string; kind: string; status: string };
    expect(record).toMatchObject({ kind: 'file', status: 'sent' });
    expect(sent.stderr).toContain('uploading 报告 #1 100%+final.pdf: done 100% (200.0 KB of 200.0 KB)');

    const dir = tempDir();
    const got = await as(bobDir, 'download', record.id, '--to', dir);
    expect(got).toMatchObject({ code: 0, stdout: `${path.join(dir, '报告 #1 100%+final.pdf')}\n` });
    expect(got.stderr).toContain('downloading 报告 #1 100%+final.pdf: done');
    expect(fs.readFileSync(path.join(dir, '报告 #1 100%+final.pdf')).equals(data)).toBe(true);

    const again = await as(bobDir, 'download', record.id, '--to', dir, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      id: record.id,
      path: path.join(dir, '报告 #1 100%+final (1).pdf'),
      size: data.length,
    });

    // A finished download is answered with the file it already saved.
    const known = await as(bobDir, 'download', record.id);
    expect(known).toMatchObject({ code: 0, stdout: `${path.join(dir, '报告 #1 100%+final (1).pdf')}\n` });
  });

  it('sends a picture as an image', async () => {
    const source = path.join(tempDir(), 'cat.png');
    fs.writeFileSync(source, pngImage(12, 8));
    const sent = await as(aliceDir, 'send-file', 'bob', source, '--json');
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ kind: 'image', status: 'sent' });
    const { id } = JSON.parse(sent.stdout) as { id: string };
    // Without --to: the user's Downloads folder.
    const got = await as(bobDir, 'download', id);
    expect(got).toMatchObject({ code: 0, stdout: `${path.join(bobHome, 'Downloads', 'cat.png')}\n` });
    expect(fs.readFileSync(path.join(bobHome, 'Downloads', 'cat.png')).equals(pngImage(12, 8))).toBe(true);
  });

  it('explains what went wrong', async () => {
    const missing = await as(aliceDir, 'send-file', 'bob', path.join(tempDir(), 'nope.txt'));
    expect(missing).toMatchObject({ code: 1, stderr: 'tidings: That file cannot be read.\n' });
    const folder = await as(aliceDir, 'send-file', 'bob', tempDir());
    expect(folder).toMatchObject({ code: 1, stderr: 'tidings: That file cannot be read.\n' });
    const stranger = await as(aliceDir, 'send-file', 'nobody-here', __filename);
    expect(stranger).toMatchObject({ code: 1, stderr: 'tidings: No user has that username.\n' });
    const unknown = await as(bobDir, 'download', 'no-such-message');
    expect(unknown).toMatchObject({ code: 1, stderr: 'tidings: That message does not exist.\n' });
    const noPath = await as(aliceDir, 'send-file', 'bob');
    expect(noPath.code).toBe(2);
    expect(noPath.stderr).toContain('<path> is required');
    const noId = await as(bobDir, 'download');
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain('<message-id> is required');
    const text = await as(aliceDir, 'send', 'bob', 'only words');
    const id = /sent (\S+)/.exec(text.stdout)?.[1] ?? '';
    const notFile = await as(bobDir, 'download', id);
    expect(notFile).toMatchObject({
      code: 1,
      stderr: 'tidings: That message has no file.\n',
    });
  });
});
