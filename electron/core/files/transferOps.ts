import type { Conversation, Message } from '../../../shared/ipc';
import { statusesBefore } from '../domain/messageStatus';
import type { StoreContext } from '../store/core/context';
import { conversationRow, insertMessage, messagesByIds, refreshConversation } from '../store/core/timeline';
import { toMessage } from '../store/rows';
import type { TransferPatch, TransferRecord } from './transferRecord';

type TransferRow = Readonly<{
  message_id: string;
  conversation_id: string;
  direction: TransferRecord['direction'];
  kind: TransferRecord['kind'];
  name: string;
  mime: string;
  size: number | null;
  sha256: string | null;
  file_id: string | null;
  to_user_id: string | null;
  source_path: string | null;
  target_dir: string | null;
  part_path: string | null;
  local_path: string | null;
  thumbnail_path: string | null;
  bytes_done: number;
  state: TransferRecord['state'];
  error_code: string | null;
  error_message: string | null;
  created_at: number;
  updated_at: number;
}>;

/** Record field → column, for the fields a patch may change (column names never come from input). */
const patchColumns: Readonly<Record<keyof TransferPatch, string>> = {
  size: 'size',
  sha256: 'sha256',
  fileId: 'file_id',
  partPath: 'part_path',
  localPath: 'local_path',
  thumbnailPath: 'thumbnail_path',
  targetDir: 'target_dir',
  bytesDone: 'bytes_done',
  state: 'state',
  errorCode: 'error_code',
  errorMessage: 'error_message',
  direction: 'direction',
};

function toRecord(row: TransferRow): TransferRecord {
  return {
    messageId: row.message_id,
    conversationId: row.conversation_id,
    direction: row.direction,
    kind: row.kind,
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    fileId: row.file_id,
    toUserId: row.to_user_id,
    sourcePath: row.source_path,
    targetDir: row.target_dir,
    partPath: row.part_path,
    localPath: row.local_path,
    thumbnailPath: row.thumbnail_path,
    bytesDone: row.bytes_done,
    state: row.state,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type NewOutgoingFile = Readonly<{
  fp: string;
  conversationId: string;
  sentAt: number;
  kind: TransferRecord['kind'];
  /** What the message shows while uploading (name, size, mime; no file id yet). */
  body: Record<string, unknown>;
  transfer: TransferRecord;
}>;

export type UploadedFile = Readonly<{
  messageId: string;
  /** The body the server will store (file id and name) merged over the local one. */
  body: Record<string, unknown>;
  frame: string;
  toUserId: string;
  now: number;
}>;

/**
 * The store operations of file transfers (they run in the store's worker with the engine's
 * own). An outgoing file message is written without an outbox row: the row comes with the
 * upload's completion, so nothing is sent before the server has the bytes.
 */
export function createTransferOps(ctx: StoreContext) {
  const { db, messages, outbox, me } = ctx;
  const byId = db.prepare<[string], TransferRow>('SELECT * FROM transfers WHERE message_id = ?');
  const unfinished = db.prepare<[], TransferRow>(
    "SELECT * FROM transfers WHERE state <> 'done' ORDER BY created_at, rowid",
  );
  const insert = db.prepare<TransferRow>(`
    INSERT OR REPLACE INTO transfers (message_id, conversation_id, direction, kind, name, mime, size, sha256,
      file_id, to_user_id, source_path, target_dir, part_path, local_path, thumbnail_path, bytes_done, state,
      error_code, error_message, created_at, updated_at)
    VALUES (@message_id, @conversation_id, @direction, @kind, @name, @mime, @size, @sha256, @file_id,
      @to_user_id, @source_path, @target_dir, @part_path, @local_path, @thumbnail_path, @bytes_done, @state,
      @error_code, @error_message, @created_at, @updated_at)`);
  const setBody = db.prepare<[string, string]>('UPDATE messages SET body = ? WHERE fp = ?');

  const get = (messageId: string): TransferRecord | null => {
    const row = byId.get(messageId);
    return row ? toRecord(row) : null;
  };
  const save = (record: TransferRecord): TransferRecord => {
    insert.run({
      message_id: record.messageId,
      conversation_id: record.conversationId,
      direction: record.direction,
      kind: record.kind,
      name: record.name,
      mime: record.mime,
      size: record.size,
      sha256: record.sha256,
      file_id: record.fileId,
      to_user_id: record.toUserId,
      source_path: record.sourcePath,
      target_dir: record.targetDir,
      part_path: record.partPath,
      local_path: record.localPath,
      thumbnail_path: record.thumbnailPath,
      bytes_done: record.bytesDone,
      state: record.state,
      error_code: record.errorCode,
      error_message: record.errorMessage,
      created_at: record.createdAt,
      updated_at: record.updatedAt,
    });
    const saved = get(record.messageId);
    if (!saved) throw new Error(`transfer ${record.messageId} vanished inside its own transaction`);
    return saved;
  };
  const update = (messageId: string, patch: TransferPatch, now: number): TransferRecord | null => {
    const keys = (Object.keys(patch) as (keyof TransferPatch)[]).filter((k) => patch[k] !== undefined);
    const sets = keys.map((k) => `${patchColumns[k]} = @${k}`);
    const values: Record<string, unknown> = { messageId, now };
    for (const k of keys) values[k] = patch[k];
    db.prepare(
      `UPDATE transfers SET ${[...sets, 'updated_at = @now'].join(', ')} WHERE message_id = @messageId`,
    ).run(values);
    return get(messageId);
  };
  const messageOf = (fp: string): Message | null => {
    const row = messages.byFp(fp);
    return row ? toMessage(row) : null;
  };

  return {
    getTransfer: get,
    /** Transfers not done, oldest first: what resumes after a restart and what the UI lists. */
    listTransfers: (): TransferRecord[] => unfinished.all().map(toRecord),
    saveTransfer: db.transaction((record: TransferRecord): TransferRecord => save(record)),
    updateTransfer: (messageId: string, patch: TransferPatch, now: number): TransferRecord | null =>
      update(messageId, patch, now),
    /** The outgoing message (status sending, no outbox row yet) and its upload, all or nothing. */
    insertOutgoingFile: db.transaction(
      (
        input: NewOutgoingFile,
      ): { message: Message; conversation: Conversation; transfer: TransferRecord } => {
        conversationRow(ctx, input.conversationId);
        ctx.conversations.unhide(input.conversationId);
        const row = insertMessage(ctx, {
          fp: input.fp,
          conversation_id: input.conversationId,
          seq: null,
          server_id: null,
          sender_id: me,
          outgoing: 1,
          sent_at: input.sentAt,
          kind: input.kind,
          body: JSON.stringify(input.body),
          status: 'sending',
          reply_to_seq: null,
          mentions_me: 0,
        });
        const transfer = save(input.transfer);
        return {
          message: toMessage(row),
          conversation: refreshConversation(ctx, input.conversationId),
          transfer,
        };
      },
    ),
    /**
     * The upload is complete: the message gets the server's file id and its outbox row (the
     * exact frame to send), the transfer is done. Null when the message is gone or no longer
     * waiting (deleted on this device meanwhile).
     */
    completeUpload: db.transaction(
      (input: UploadedFile): { message: Message; transfer: TransferRecord } | null => {
        const row = messages.byFp(input.messageId);
        if (!row || row.deleted_at !== null || row.status !== 'sending') return null;
        setBody.run(JSON.stringify(input.body), input.messageId);
        if (!outbox.byFp(input.messageId))
          outbox.insert({
            fp: input.messageId,
            to_user_id: input.toUserId,
            frame: input.frame,
            created_at: input.now,
          });
        const transfer = update(
          input.messageId,
          { state: 'done', errorCode: null, errorMessage: null },
          input.now,
        );
        const [message] = messagesByIds(ctx, [row.id]);
        if (!transfer || !message) return null;
        return { message, transfer };
      },
    ),
    /** An upload that failed or was cancelled: its message fails too (files:retry revives both). */
    endUpload: db.transaction(
      (
        messageId: string,
        patch: TransferPatch,
        now: number,
      ): { message: Message | null; transfer: TransferRecord | null } => {
        const moved = messages.setStatus(messageId, 'failed', statusesBefore('failed'));
        return { message: moved ? messageOf(messageId) : null, transfer: update(messageId, patch, now) };
      },
    ),
    /** files:retry of an upload: the message goes back to sending and the transfer to the queue. */
    reviveUpload: db.transaction(
      (messageId: string, now: number): { message: Message | null; transfer: TransferRecord | null } => {
        const moved = messages.setStatus(messageId, 'sending', ['failed']);
        const transfer = update(messageId, { state: 'queued', errorCode: null, errorMessage: null }, now);
        return { message: moved ? messageOf(messageId) : null, transfer };
      },
    ),
  };
}
