import { Readable } from 'node:stream';
import { AppError } from '../errors';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import type { FileRecord, FileRepository } from '../storage/fileRepository';
import { FILE_ID_PATTERN, newFileId, type BlobStore } from './blobStore';
import { IMAGE_HEADER_BYTES, imageDimensions } from './imageDimensions';
import { createKeyedLock } from './keyedLock';

export type FileLimits = Readonly<{
  /** Largest single file. */
  maxFileBytes: number;
  /** Sum of a user's files, complete or still uploading (an upload reserves its declared size). */
  quotaBytesPerUser: number;
  /** Uploads still incomplete this long after creation are deleted by `sweep`. */
  incompleteUploadTtlMs: number;
}>;

export type NewUpload = Readonly<{ name: string; size: number; mime: string; sha256?: string | undefined }>;

/** Where an upload stands; what the upload endpoints answer. */
export type UploadState = Readonly<{
  fileId: string;
  name: string;
  size: number;
  mime: string;
  /** Bytes received so far: the next chunk starts here. */
  offset: number;
  complete: boolean;
  sha256: string | null;
  width: number | null;
  height: number | null;
}>;

export type FileService = Readonly<{
  /** Reserves quota and an id. A zero-byte file is complete at once. @throws AppError */
  create(userId: string, upload: NewUpload): Promise<UploadState>;
  /**
   * The state of a file the user may see: the uploader sees an upload in progress, others only
   * complete files they may read. Waits for a chunk being written to the same file. @throws AppError
   */
  state(userId: string, fileId: string): Promise<UploadState>;
  /**
   * Appends the body of a chunk that starts at `offset`; completes the upload (hash, checksum,
   * image size) when the last byte arrives. A newer chunk for the same file cuts off an older
   * one still streaming (its client is gone or gave up). @throws AppError
   */
  append(userId: string, fileId: string, offset: number, body: Readable): Promise<UploadState>;
  /** A complete file the user may read, and where its bytes are. @throws AppError `file-not-found` */
  openDownload(userId: string, fileId: string): Readonly<{ file: FileRecord; path: string }>;
  /** Deletes the user's own upload in progress (a complete file may be referenced: it stays). @throws AppError */
  cancel(userId: string, fileId: string): Promise<void>;
  /** Deletes up to `limit` uploads that stayed incomplete past their time; how many it deleted. */
  sweep(limit: number): Promise<number>;
  /** A complete file `userId` may put in a message (they uploaded it or can already see it), else null. */
  attachable(userId: string, fileId: string): FileRecord | null;
}>;

export function createFileService(
  deps: Readonly<{
    files: FileRepository;
    blobs: BlobStore;
    limits: FileLimits;
    clock: Clock;
    logger: Logger;
  }>,
): FileService {
  const { files, blobs, limits, clock, logger } = deps;
  const lock = createKeyedLock();
  const streaming = new Map<string, Readable>();

  const stateOf = (file: FileRecord, offset: number): UploadState => ({
    fileId: file.id,
    name: file.name,
    size: file.size,
    mime: file.mime,
    offset,
    complete: file.completedAt !== null,
    sha256: file.sha256,
    width: file.width,
    height: file.height,
  });

  /** Ids that are not ours, missing files and other users' uploads all look the same. */
  const visible = (userId: string, fileId: string): FileRecord => {
    if (!FILE_ID_PATTERN.test(fileId)) throw new AppError('file-not-found');
    const file = files.findById(fileId);
    if (!file) throw new AppError('file-not-found');
    if (file.completedAt === null ? file.ownerId !== userId : !files.canRead(fileId, userId))
      throw new AppError('file-not-found');
    return file;
  };

  const complete = async (file: FileRecord): Promise<FileRecord> => {
    const sha256 = await blobs.hashPartial(file.id);
    if (file.declaredSha256 !== null && file.declaredSha256 !== sha256) {
      await drop(file.id);
      logger.info('upload discarded: checksum mismatch', { fileId: file.id });
      throw new AppError('checksum-mismatch');
    }
    const image = imageDimensions(await blobs.readPartialHead(file.id, IMAGE_HEADER_BYTES));
    await blobs.promote(file.id);
    const completion = {
      sha256,
      width: image?.width ?? null,
      height: image?.height ?? null,
      completedAt: clock.now(),
    };
    files.complete(file.id, completion);
    return { ...file, ...completion };
  };

  /** Forgets an upload (row first, so nothing can reference it while its bytes go). */
  const drop = async (fileId: string): Promise<void> => {
    files.delete(fileId);
    await blobs.discard(fileId);
  };

  return {
    async create(userId, upload) {
      if (upload.size > limits.maxFileBytes) throw new AppError('file-too-large');
      if (files.usedBytes(userId) + upload.size > limits.quotaBytesPerUser)
        throw new AppError('quota-exceeded');
      const file: FileRecord = {
        id: newFileId(),
        ownerId: userId,
        name: upload.name,
        size: upload.size,
        mime: upload.mime,
        declaredSha256: upload.sha256 ?? null,
        sha256: null,
        width: null,
        height: null,
        createdAt: clock.now(),
        completedAt: null,
      };
      files.insert(file);
      if (file.size > 0) return stateOf(file, 0);
      return lock.run(file.id, async () => {
        await blobs.append(file.id, Readable.from([]), 0); // the empty partial file to promote
        return stateOf(await complete(file), 0);
      });
    },

    state(userId, fileId) {
      visible(userId, fileId);
      return lock.run(fileId, async () => {
        const file = visible(userId, fileId);
        if (file.completedAt !== null) return stateOf(file, file.size);
        const received = await blobs.partialSize(fileId);
        // Every byte arrived but the server stopped before recording it: finish the job now.
        if (received === file.size && file.size > 0) return stateOf(await complete(file), file.size);
        return stateOf(file, received);
      });
    },

    async append(userId, fileId, offset, body) {
      const first = visible(userId, fileId);
      if (first.ownerId !== userId) throw new AppError('file-not-found');
      streaming.get(fileId)?.destroy();
      return lock.run(fileId, async () => {
        const file = visible(userId, fileId);
        if (file.completedAt !== null) throw new AppError('offset-mismatch');
        const received = await blobs.partialSize(fileId);
        if (offset !== received) throw new AppError('offset-mismatch');
        streaming.set(fileId, body);
        let outcome;
        try {
          outcome = await blobs.append(fileId, body, file.size - received);
        } finally {
          if (streaming.get(fileId) === body) streaming.delete(fileId);
        }
        if (outcome.overflow)
          throw new AppError('payload-too-large', 'The chunk goes past the declared size.');
        const now = received + outcome.written;
        if (now < file.size) return stateOf(file, now);
        return stateOf(await complete(file), file.size);
      });
    },

    async cancel(userId, fileId) {
      const first = visible(userId, fileId);
      if (first.ownerId !== userId) throw new AppError('file-not-found');
      streaming.get(fileId)?.destroy();
      await lock.run(fileId, async () => {
        const file = visible(userId, fileId);
        if (file.completedAt !== null)
          throw new AppError('invalid-request', 'A complete file cannot be deleted.');
        await drop(fileId);
      });
    },

    async sweep(limit) {
      const stale = files.staleUploads(clock.now() - limits.incompleteUploadTtlMs, limit);
      for (const fileId of stale)
        await lock.run(fileId, async () => {
          if (files.findById(fileId)?.completedAt === null) await drop(fileId);
        });
      if (stale.length > 0) logger.info('expired incomplete uploads', { count: stale.length });
      return stale.length;
    },

    openDownload(userId, fileId) {
      const file = visible(userId, fileId);
      if (file.completedAt === null) throw new AppError('file-not-found');
      return { file, path: blobs.completePath(fileId) };
    },

    attachable(userId, fileId) {
      if (!FILE_ID_PATTERN.test(fileId)) return null;
      const file = files.findById(fileId);
      if (!file || file.completedAt === null || !files.canRead(fileId, userId)) return null;
      return file;
    },
  };
}
