import fs from 'node:fs';
import path from 'node:path';
import { RangeNotSatisfiableError, type DownloadStream } from './fileApi';
import { sha256OfFile, sizeOf } from './fileHash';
import { firstFreeName, safeFileName } from './safeName';
import { TransferError } from './transferError';
import type { TransferTask } from './transferTask';

/**
 * Downloads into a partial file beside the destination, resuming with `Range` from the bytes
 * already on disk (the file, not a counter, is the truth after a crash). When the last byte is
 * in, the whole file is hashed and compared with the sha256 the server recorded; a mismatch
 * removes the partial file. The finished file takes the first free safe name in the folder.
 * Resolves with the saved file's path.
 */
export async function runDownload(task: TransferTask): Promise<string> {
  const { record, signal, api } = task;
  const fileId = record.fileId;
  const dir = record.targetDir;
  if (fileId === null || dir === null) throw new TransferError('not-a-file-message');
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    await fs.promises.access(dir, fs.constants.W_OK);
  } catch {
    throw new TransferError('folder-unwritable');
  }
  const part =
    record.partPath ?? path.join(dir, `${safeFileName(record.name)}.${record.messageId.slice(0, 8)}.part`);
  if (record.partPath === null) await task.update({ partPath: part });

  // Created up front: an empty file has no bytes to write and must still exist to be placed.
  await fs.promises.appendFile(part, Buffer.alloc(0));
  let have = (await sizeOf(part)) ?? 0;
  if (record.size !== null && have > record.size) {
    await fs.promises.truncate(part, 0);
    have = 0;
  }
  let total = record.size;
  if (total === null || have < total) {
    let stream: DownloadStream | null = null;
    try {
      const from = have;
      stream = await task.authed((token) => api.download(token, fileId, from, signal));
    } catch (error) {
      if (!(error instanceof RangeNotSatisfiableError)) throw error;
      // Nothing past what we hold: either it is all here, or the partial file is not this file.
      if (error.total !== null && error.total === have) total = have;
      else {
        await fs.promises.truncate(part, 0);
        stream = await task.authed((token) => api.download(token, fileId, 0, signal));
      }
    }
    if (stream) {
      total = stream.total;
      if (record.size !== null && total !== record.size)
        throw new TransferError(
          'checksum-mismatch',
          'The server sent a file of another size than announced.',
        );
      if (stream.status === 200 || stream.start !== have) have = 0;
      await task.update({ size: total, bytesDone: have });
      await appendStream(part, stream, have, task);
    }
  }
  const size = (await sizeOf(part)) ?? 0;
  if (total !== null && size !== total) throw new TransferError('server-error', 'The download ended early.');
  const expected = record.sha256;
  if (expected !== null && (await sha256OfFile(part, signal)) !== expected) {
    await fs.promises.rm(part, { force: true });
    await task.update({ bytesDone: 0 });
    throw new TransferError('checksum-mismatch');
  }
  return placeFile(part, dir, record.name);
}

async function appendStream(
  part: string,
  stream: DownloadStream,
  from: number,
  task: TransferTask,
): Promise<void> {
  const handle = await fs.promises.open(part, from === 0 ? 'w' : 'r+');
  let position = from;
  try {
    const reader = stream.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await handle.write(value, 0, value.length, position);
        position += value.length;
        await task.update({ bytesDone: position });
      }
    } finally {
      reader.releaseLock();
    }
    // A short body with a clean end (a proxy cut it) must not pass as the whole file.
    if (position < stream.total) throw new TypeError('download body ended before the last byte');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Gives the finished partial file its name: the first of "name", "name (1)"… not taken. A hard
 * link claims a name atomically (it fails if the name exists) so two downloads never share one.
 */
async function placeFile(part: string, dir: string, name: string): Promise<string> {
  const chosen = await firstFreeName(name, async (candidate) => {
    const target = path.join(dir, candidate);
    try {
      await fs.promises.link(part, target);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    }
    // A file system without hard links: claim the name by creating it exclusively, then replace it.
    try {
      await (await fs.promises.open(target, 'wx')).close();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    await fs.promises.copyFile(part, target);
    return true;
  });
  await fs.promises.rm(part, { force: true });
  return path.join(dir, chosen);
}
