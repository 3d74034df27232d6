import fs from 'node:fs';
import { HttpStatusError } from '../http/httpErrors';
import type { UploadState } from './fileApi';
import { sha256OfFile } from './fileHash';
import { TransferError } from './transferError';
import type { TransferTask } from './transferTask';

/**
 * Uploads the source file, resuming where the server says it stopped (HEAD): after a dropped
 * connection and after a restart alike. The server checks the declared sha256 when the last
 * byte arrives. Resolves with the complete upload's state.
 */
export async function runUpload(task: TransferTask): Promise<UploadState> {
  const { record, signal, api } = task;
  const source = record.sourcePath;
  if (source === null) throw new TransferError('file-unreadable');
  const size = await sourceSize(source);
  if (record.size !== null && size !== record.size)
    throw new TransferError('file-unreadable', 'The file changed after it was sent; send it again.');
  let sha256 = record.sha256;
  if (sha256 === null) {
    sha256 = await sha256OfFile(source, signal);
    await task.update({ sha256, size });
  }
  let fileId = record.fileId;
  let state: UploadState | null = null;
  let offset = 0;
  if (fileId !== null) {
    const id = fileId;
    try {
      offset = await task.authed((token) => api.offset(token, id, signal));
    } catch (error) {
      // Expired (or given up) on the server: start over with a new upload.
      if (!(error instanceof HttpStatusError && error.status === 404)) throw error;
      fileId = null;
    }
  }
  if (fileId === null) {
    const upload = { name: record.name, size, mime: record.mime, sha256 };
    state = await task.authed((token) => api.create(token, upload, signal));
    fileId = state.fileId;
    offset = state.offset;
    await task.update({ fileId, bytesDone: offset });
  }
  const id = fileId;
  const handle = await fs.promises.open(source, 'r');
  try {
    while (offset < size || state === null || !state.complete) {
      if (offset >= size) {
        // Every byte is there but this run never saw the completion: ask.
        state = await task.authed((token) => api.info(token, id, signal));
        if (!state.complete)
          throw new TransferError('server-error', 'The server did not complete the upload.');
        break;
      }
      const length = Math.min(task.chunkBytes, size - offset);
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      if (bytesRead !== length)
        throw new TransferError('file-unreadable', 'The file changed while it was sent.');
      const from = offset;
      try {
        state = await task.authed((token) => api.append(token, id, from, buffer, signal));
      } catch (error) {
        if (!(error instanceof HttpStatusError && error.status === 409)) throw error;
        // Another chunk landed first (a retry of a chunk whose answer was lost): ask where to go on.
        offset = await task.authed((token) => api.offset(token, id, signal));
        continue;
      }
      offset = state.offset;
      await task.update({ bytesDone: offset });
    }
  } finally {
    await handle.close();
  }
  return state;
}

async function sourceSize(file: string): Promise<number> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) throw new TransferError('file-unreadable');
    return stat.size;
  } catch (error) {
    if (error instanceof TransferError) throw error;
    throw new TransferError('file-unreadable', 'The file to send is gone or cannot be read.');
  }
}
