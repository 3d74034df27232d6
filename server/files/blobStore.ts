import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** File ids are server-made: 32 lower-case hex digits. Nothing else ever becomes a path. */
export const FILE_ID_PATTERN = /^[0-9a-f]{32}$/;

export function newFileId(): string {
  return crypto.randomBytes(16).toString('hex');
}

/** Why appending stopped early: the body was longer than the room left, or the client went away. */
export type AppendOutcome = Readonly<{ written: number; overflow: boolean }>;

/**
 * The bytes of uploaded files under `<root>/<first two hex digits>/<id>`; an upload in progress
 * is `<id>.part` beside it and becomes `<id>` by an atomic rename once complete, so a complete
 * name always holds every byte.
 */
export type BlobStore = Readonly<{
  /** Bytes of the partial upload on disk (0 when none yet). */
  partialSize(id: string): Promise<number>;
  /**
   * Streams `source` onto the end of the partial upload, at most `room` bytes, and fsyncs what
   * arrived. Bytes received before the source failed or overflowed stay on disk (the resume
   * point); the excess of an overflow is never written.
   */
  append(id: string, source: Readable, room: number): Promise<AppendOutcome>;
  /** SHA-256 (hex) of the partial upload, read back from disk (so a resumed upload needs no saved state). */
  hashPartial(id: string): Promise<string>;
  /** Up to `bytes` from the start of the partial upload. */
  readPartialHead(id: string, bytes: number): Promise<Buffer>;
  /** The partial upload becomes the complete file. */
  promote(id: string): Promise<void>;
  /** Removes the partial upload and the complete file, if any. */
  discard(id: string): Promise<void>;
  /** Path of a complete file, for streaming it out. */
  completePath(id: string): string;
}>;

export function createBlobStore(root: string): BlobStore {
  const directory = (id: string): string => {
    if (!FILE_ID_PATTERN.test(id)) throw new Error('not a file id');
    return path.join(root, id.slice(0, 2));
  };
  const partPath = (id: string): string => path.join(directory(id), `${id}.part`);
  const completePath = (id: string): string => path.join(directory(id), id);
  /**
   * The partial upload, or the complete file when a crash came between the rename and the
   * database's completion: then the upload is whole and completing it again is harmless.
   */
  const uploadPath = async (id: string): Promise<string | null> => {
    for (const candidate of [partPath(id), completePath(id)]) {
      try {
        await fs.promises.access(candidate);
        return candidate;
      } catch {
        // not this one
      }
    }
    return null;
  };
  const existingUpload = async (id: string): Promise<string> => {
    const found = await uploadPath(id);
    if (found === null) throw new Error('upload has no bytes on disk');
    return found;
  };

  return {
    async partialSize(id) {
      const found = await uploadPath(id);
      return found === null ? 0 : (await fs.promises.stat(found)).size;
    },
    async append(id, source, room) {
      await fs.promises.mkdir(directory(id), { recursive: true });
      let written = 0;
      let overflow = false;
      const limiter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          const allowed = Math.min(chunk.length, room - written);
          written += allowed;
          if (allowed < chunk.length) {
            overflow = true;
            done(null, chunk.subarray(0, allowed));
            // Stop reading: what follows can only be refused.
            limiter.end();
            return;
          }
          done(null, chunk);
        },
      });
      await pipeline(source, limiter, fs.createWriteStream(partPath(id), { flags: 'a' })).catch(
        (error: unknown) => {
          // A dropped client is the normal way a resumable upload pauses.
          if (!overflow && !isAbort(error)) throw error;
        },
      );
      // What was received is the resume point: it must survive a crash before it is reported.
      const handle = await fs.promises.open(partPath(id), 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { written, overflow };
    },
    async hashPartial(id) {
      const hash = crypto.createHash('sha256');
      await pipeline(fs.createReadStream(await existingUpload(id)), hash);
      return hash.digest('hex');
    },
    async readPartialHead(id, bytes) {
      const handle = await fs.promises.open(await existingUpload(id), 'r');
      try {
        const buffer = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    async promote(id) {
      if ((await existingUpload(id)) === partPath(id))
        await fs.promises.rename(partPath(id), completePath(id));
    },
    async discard(id) {
      await fs.promises.rm(partPath(id), { force: true });
      await fs.promises.rm(completePath(id), { force: true });
    },
    completePath,
  };
}

function isAbort(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ABORT_ERR';
}
