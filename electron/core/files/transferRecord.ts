import type { Transfer, TransferDirection, TransferState } from '../../../shared/ipc/channels/files';

/** The file kinds of messages. */
export type FileKind = 'file' | 'image';

/** One transfer as the store keeps it (the `transfers` table, camel-cased). */
export type TransferRecord = Readonly<{
  messageId: string;
  conversationId: string;
  direction: TransferDirection;
  kind: FileKind;
  name: string;
  mime: string;
  size: number | null;
  sha256: string | null;
  /** The server's id, once the upload was created (or from the message, for a download). */
  fileId: string | null;
  /** Upload: whom the message frame goes to (a user id or a group's conversation id). */
  toUserId: string | null;
  /** Upload: the file read from. */
  sourcePath: string | null;
  /** Download: the folder the file is saved in. */
  targetDir: string | null;
  /** Download: the partial file, beside the destination. */
  partPath: string | null;
  /** Download: the saved file once done; upload: the file sent from here. */
  localPath: string | null;
  /** A cached copy of an image, shown without touching the original. */
  thumbnailPath: string | null;
  bytesDone: number;
  state: TransferState;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: number;
  updatedAt: number;
}>;

/** The fields a running transfer changes. */
export type TransferPatch = Partial<
  Pick<
    TransferRecord,
    | 'size'
    | 'sha256'
    | 'fileId'
    | 'partPath'
    | 'localPath'
    | 'thumbnailPath'
    | 'targetDir'
    | 'bytesDone'
    | 'state'
    | 'errorCode'
    | 'errorMessage'
    | 'direction'
  >
>;

/** What the renderer sees of a transfer. */
export function toTransfer(record: TransferRecord): Transfer {
  return {
    messageId: record.messageId,
    conversationId: record.conversationId,
    direction: record.direction,
    name: record.name,
    bytesDone: record.bytesDone,
    bytesTotal: record.size,
    state: record.state,
    error: record.errorCode === null ? null : { code: record.errorCode, message: record.errorMessage ?? '' },
    path: record.direction === 'upload' ? record.sourcePath : record.localPath,
  };
}
