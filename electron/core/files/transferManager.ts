import fs from 'node:fs';
import path from 'node:path';
import { IpcFailure, type Conversation, type Message } from '../../../shared/ipc';
import type { FileSource, Transfer } from '../../../shared/ipc/channels/files';
import { directPeer, type OutgoingMessage } from '../../../shared/protocol';
import type { Clock, TimerHandle, Timers } from '../deps/clock';
import { errorText, type Logger } from '../deps/logger';
import { messageFrame } from '../net/frames';
import type { Store } from '../store/store';
import type { OutboxEntry } from '../store/store';
import type { EngineTuning } from '../tuning';
import { runDownload } from './downloadTask';
import type { FileApi } from './fileApi';
import { prepareOutgoing } from './outgoingFile';
import type { ThumbnailCache } from './thumbnails';
import { classify, TransferError } from './transferError';
import { toTransfer, type TransferPatch, type TransferRecord } from './transferRecord';
import { runUpload } from './uploadTask';

export type TransferManagerDeps = Readonly<{
  me: string;
  store: Store;
  api: FileApi;
  authed<T>(call: (token: string) => Promise<T>): Promise<T>;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  tuning: Pick<
    EngineTuning,
    'fileConcurrency' | 'fileChunkBytes' | 'fileProgressIntervalMs' | 'fileRetryBaseMs' | 'fileRetryCapMs'
  >;
  generateId: () => string;
  thumbnails: ThumbnailCache;
  /** Pasted bytes are written here before they are uploaded. */
  stagingDir: string;
  /** The engine's data dir: nothing in it may be sent. */
  privateDir: string;
  downloadsDir: string;
  emitTransfer(transfer: Transfer): void;
  emitMessages(conversationId: string, messages: readonly Message[]): void;
  emitConversations(conversations: readonly Conversation[]): void;
  /** Hands the finished message to the outbox (its row is already stored). */
  enqueueOutbox(entry: OutboxEntry): void;
}>;

export type LocalFile = Readonly<{
  transfer: Transfer | null;
  path: string | null;
  thumbnailDataUrl: string | null;
}>;

export type TransferManager = Readonly<{
  /** Takes over what a previous run left unfinished (queued, running or paused). */
  start(): Promise<void>;
  send(
    input: Readonly<{ conversationId: string; source: FileSource; as: 'auto' | 'file' | 'image' }>,
  ): Promise<{
    message: Message;
    transfer: Transfer;
  }>;
  download(messageId: string, dir: string | undefined): Promise<Transfer>;
  cancel(messageId: string): Promise<Transfer>;
  retry(messageId: string): Promise<Transfer>;
  local(messageId: string): Promise<LocalFile>;
  list(): Promise<Transfer[]>;
  /** The link is back: paused transfers resume now rather than after their backoff. */
  linkUp(): void;
  /** Stops every transfer where it is (a later start resumes them) and waits for them. */
  stop(): Promise<void>;
}>;

type Running = { controller: AbortController; cancelled: boolean; done: Promise<void> };

const resumable = new Set(['queued', 'running', 'paused']);

/** The `to` of a message frame for a conversation: the peer, or the group's conversation id. */
export function messageTarget(conversationId: string, me: string): string | null {
  return directPeer(conversationId, me) ?? (conversationId.startsWith('g:') ? conversationId : null);
}

const exists = async (file: string | null): Promise<boolean> => {
  if (file === null) return false;
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
};

/**
 * The account's file transfers: a queue that runs at most `fileConcurrency` at once, resumes
 * what the network cut off (with backoff, or at once when the link returns), and reports
 * progress as throttled events. Every state lives in the store first, so a restart resumes.
 */
export function createTransferManager(deps: TransferManagerDeps): TransferManager {
  const { store, clock, timers, logger, tuning } = deps;
  const queue: string[] = [];
  const running = new Map<string, Running>();
  const retryTimers = new Map<string, TimerHandle>();
  const attempts = new Map<string, number>();
  const lastEmit = new Map<string, number>();
  let stopped = false;

  const emit = (record: TransferRecord | null): void => {
    if (!record) return;
    lastEmit.set(record.messageId, clock.now());
    deps.emitTransfer(toTransfer(record));
  };
  const update = async (messageId: string, patch: TransferPatch): Promise<TransferRecord | null> =>
    store.updateTransfer(messageId, patch, clock.now());

  const clearRetry = (messageId: string): void => {
    const pending = retryTimers.get(messageId);
    if (pending !== undefined) timers.clearTimeout(pending);
    retryTimers.delete(messageId);
  };

  const enqueue = (messageId: string): void => {
    if (stopped || running.has(messageId) || queue.includes(messageId)) return;
    clearRetry(messageId);
    queue.push(messageId);
    pump();
  };

  const pump = (): void => {
    while (!stopped && running.size < tuning.fileConcurrency && queue.length > 0) {
      const messageId = queue.shift();
      if (messageId === undefined) break;
      const entry: Running = { controller: new AbortController(), cancelled: false, done: Promise.resolve() };
      running.set(messageId, entry);
      entry.done = run(messageId, entry)
        .catch((error: unknown) => logger.error('transfer.crashed', { messageId, error: errorText(error) }))
        .finally(() => {
          running.delete(messageId);
          pump();
        });
    }
  };

  const scheduleResume = (messageId: string): void => {
    const attempt = (attempts.get(messageId) ?? 0) + 1;
    attempts.set(messageId, attempt);
    const delay = Math.min(tuning.fileRetryCapMs, tuning.fileRetryBaseMs * 2 ** (attempt - 1));
    clearRetry(messageId);
    const timer = timers.setTimeout(() => {
      retryTimers.delete(messageId);
      enqueue(messageId);
    }, delay);
    retryTimers.set(messageId, timer);
  };

  const finishUpload = async (record: TransferRecord, fileId: string): Promise<void> => {
    const to = record.toUserId;
    if (to === null) throw new TransferError('internal', 'The upload has no recipient.');
    const message = await store.getMessage(record.messageId);
    const body: Record<string, unknown> = { ...(message?.body ?? {}), fileId, name: record.name };
    const outgoing = { kind: record.kind, body: { fileId, name: record.name } } as OutgoingMessage;
    const frame = messageFrame(deps.me, to, record.messageId, outgoing);
    const now = clock.now();
    const done = await store.completeUpload({ messageId: record.messageId, body, frame, toUserId: to, now });
    if (!done) {
      // Deleted on this device while uploading: nothing to send.
      emit(await update(record.messageId, { state: 'cancelled' }));
      return;
    }
    emit(done.transfer);
    deps.emitMessages(done.message.conversationId, [done.message]);
    deps.enqueueOutbox({ fp: record.messageId, toUserId: to, frame, attempts: 0, createdAt: now });
  };

  const fail = async (
    record: TransferRecord,
    error: TransferError,
    state: 'failed' | 'cancelled',
  ): Promise<void> => {
    const patch: TransferPatch = {
      state,
      errorCode: state === 'failed' ? error.code : null,
      errorMessage: state === 'failed' ? error.message : null,
    };
    if (record.direction === 'upload') {
      const ended = await store.endUpload(record.messageId, patch, clock.now());
      if (ended.message) deps.emitMessages(ended.message.conversationId, [ended.message]);
      emit(ended.transfer);
    } else emit(await update(record.messageId, patch));
  };

  const run = async (messageId: string, entry: Running): Promise<void> => {
    const initial = await store.getTransfer(messageId);
    if (!initial || !resumable.has(initial.state)) return;
    emit(await update(messageId, { state: 'running', errorCode: null, errorMessage: null }));
    logger.info('transfer.running', {
      messageId,
      direction: initial.direction,
      from: initial.bytesDone,
    });
    const record = (await store.getTransfer(messageId)) ?? initial;
    const task = {
      record,
      signal: entry.controller.signal,
      api: deps.api,
      authed: deps.authed,
      chunkBytes: tuning.fileChunkBytes,
      async update(patch: TransferPatch) {
        const onlyBytes = Object.keys(patch).every((k) => k === 'bytesDone');
        if (onlyBytes && clock.now() - (lastEmit.get(messageId) ?? 0) < tuning.fileProgressIntervalMs) return;
        emit(await update(messageId, patch));
      },
    };
    try {
      if (record.direction === 'upload') {
        const state = await runUpload(task);
        await update(messageId, { bytesDone: state.size, fileId: state.fileId });
        await finishUpload({ ...record, fileId: state.fileId }, state.fileId);
      } else {
        const saved = await runDownload(task);
        const size = (await fs.promises.stat(saved)).size;
        const thumbnailPath =
          record.kind === 'image' ? await deps.thumbnails.store(messageId, saved).catch(() => null) : null;
        emit(
          await update(messageId, {
            state: 'done',
            localPath: saved,
            partPath: null,
            bytesDone: size,
            ...(thumbnailPath ? { thumbnailPath } : {}),
          }),
        );
      }
      attempts.delete(messageId);
      logger.info('transfer.done', { messageId, direction: record.direction });
    } catch (error) {
      if (entry.cancelled) return;
      if (entry.controller.signal.aborted) {
        // Stopped with the engine: the row stays running and the next start resumes it.
        return;
      }
      const verdict = classify(error);
      if (verdict === 'retry') {
        logger.info('transfer.paused', { messageId, error: errorText(error) });
        emit(await update(messageId, { state: 'paused' }));
        scheduleResume(messageId);
        return;
      }
      logger.warn('transfer.failed', { messageId, code: verdict.code });
      const latest = (await store.getTransfer(messageId)) ?? record;
      await fail(latest, verdict, 'failed');
    }
  };

  const requireTransfer = async (messageId: string): Promise<TransferRecord> => {
    const record = await store.getTransfer(messageId);
    if (!record) throw new IpcFailure('transfer-not-found');
    return record;
  };

  return Object.freeze({
    async start() {
      for (const record of await store.listTransfers()) {
        if (!resumable.has(record.state)) continue;
        if (record.state !== 'queued') emit(await update(record.messageId, { state: 'queued' }));
        enqueue(record.messageId);
      }
    },
    async send({ conversationId, source, as }) {
      const to = messageTarget(conversationId, deps.me);
      if (to === null || !(await store.getConversation(conversationId)))
        throw new IpcFailure('conversation-not-found');
      const fp = deps.generateId();
      const file = await prepareOutgoing(source, as, deps.stagingDir, fp, deps.privateDir);
      const thumbnailPath =
        file.kind === 'image' ? await deps.thumbnails.store(fp, file.sourcePath).catch(() => null) : null;
      const now = clock.now();
      const record: TransferRecord = {
        messageId: fp,
        conversationId,
        direction: 'upload',
        kind: file.kind,
        name: file.name,
        mime: file.mime,
        size: file.size,
        sha256: null,
        fileId: null,
        toUserId: to,
        sourcePath: file.sourcePath,
        targetDir: null,
        partPath: null,
        localPath: file.sourcePath,
        thumbnailPath,
        bytesDone: 0,
        state: 'queued',
        errorCode: null,
        errorMessage: null,
        createdAt: now,
        updatedAt: now,
      };
      const inserted = await store.insertOutgoingFile({
        fp,
        conversationId,
        sentAt: now,
        kind: file.kind,
        body: { name: file.name, size: file.size, mime: file.mime },
        transfer: record,
      });
      deps.emitMessages(conversationId, [inserted.message]);
      deps.emitConversations([inserted.conversation]);
      emit(inserted.transfer);
      enqueue(fp);
      return { message: inserted.message, transfer: toTransfer(inserted.transfer) };
    },
    async download(messageId, dir) {
      const message = await store.getMessage(messageId);
      if (!message) throw new IpcFailure('message-not-found');
      const body = message.body;
      const fileId = typeof body.fileId === 'string' ? body.fileId : null;
      if ((message.kind !== 'file' && message.kind !== 'image') || fileId === null)
        throw new IpcFailure('not-a-file-message');
      if (dir !== undefined && !path.isAbsolute(dir))
        throw new IpcFailure('invalid-request', 'The folder to save in must be an absolute path.');
      const existing = await store.getTransfer(messageId);
      if (existing) {
        if (existing.direction === 'download' && resumable.has(existing.state)) return toTransfer(existing);
        const local = existing.direction === 'download' ? existing.localPath : existing.sourcePath;
        if (existing.state === 'done' && dir === undefined && (await exists(local)))
          return toTransfer(existing);
        if (existing.direction === 'upload' && existing.state !== 'done') return toTransfer(existing);
      }
      const now = clock.now();
      const record: TransferRecord = {
        messageId,
        conversationId: message.conversationId,
        direction: 'download',
        kind: message.kind === 'image' ? 'image' : 'file',
        name: typeof body.name === 'string' && body.name !== '' ? body.name : 'file',
        mime: typeof body.mime === 'string' ? body.mime : 'application/octet-stream',
        size: typeof body.size === 'number' ? body.size : null,
        sha256: typeof body.sha256 === 'string' ? body.sha256 : null,
        fileId,
        toUserId: null,
        sourcePath: null,
        targetDir: dir ?? deps.downloadsDir,
        partPath: null,
        localPath: null,
        thumbnailPath: existing?.thumbnailPath ?? null,
        bytesDone: 0,
        state: 'queued',
        errorCode: null,
        errorMessage: null,
        createdAt: now,
        updatedAt: now,
      };
      const saved = await store.saveTransfer(record);
      emit(saved);
      enqueue(messageId);
      return toTransfer(saved);
    },
    async cancel(messageId) {
      const record = await requireTransfer(messageId);
      if (record.state === 'done' || record.state === 'cancelled') return toTransfer(record);
      const active = running.get(messageId);
      if (active) {
        active.cancelled = true;
        active.controller.abort();
        await active.done;
      }
      const index = queue.indexOf(messageId);
      if (index >= 0) queue.splice(index, 1);
      clearRetry(messageId);
      const latest = (await store.getTransfer(messageId)) ?? record;
      if (latest.direction === 'download' && latest.partPath !== null)
        await fs.promises.rm(latest.partPath, { force: true });
      else if (latest.direction === 'upload' && latest.fileId !== null) {
        const fileId = latest.fileId;
        // Best effort: the server frees the reservation now instead of at its expiry.
        await deps
          .authed((token) => deps.api.discard(token, fileId))
          .catch((error: unknown) =>
            logger.info('transfer.discard-failed', { messageId, error: errorText(error) }),
          );
      }
      await fail({ ...latest, bytesDone: 0 }, new TransferError('internal'), 'cancelled');
      if (latest.direction === 'download') emit(await update(messageId, { bytesDone: 0, partPath: null }));
      return toTransfer((await store.getTransfer(messageId)) ?? latest);
    },
    async retry(messageId) {
      const record = await requireTransfer(messageId);
      if (record.state === 'paused') {
        enqueue(messageId);
        return toTransfer(record);
      }
      if (record.state !== 'failed' && record.state !== 'cancelled') return toTransfer(record);
      attempts.delete(messageId);
      if (record.direction === 'upload') {
        const revived = await store.reviveUpload(messageId, clock.now());
        if (revived.message) deps.emitMessages(revived.message.conversationId, [revived.message]);
        emit(revived.transfer);
      } else emit(await update(messageId, { state: 'queued', errorCode: null, errorMessage: null }));
      enqueue(messageId);
      return toTransfer((await store.getTransfer(messageId)) ?? record);
    },
    async local(messageId) {
      const record = await store.getTransfer(messageId);
      if (!record) {
        if (!(await store.getMessage(messageId))) throw new IpcFailure('message-not-found');
        return { transfer: null, path: null, thumbnailDataUrl: null };
      }
      const candidate = record.direction === 'upload' ? record.sourcePath : record.localPath;
      const local = record.state === 'done' || record.direction === 'upload' ? candidate : null;
      const present = (await exists(local)) ? local : null;
      const thumbnail =
        record.kind !== 'image'
          ? null
          : ((await deps.thumbnails.dataUrl(record.thumbnailPath)) ??
            (await deps.thumbnails.dataUrl(present)));
      return { transfer: toTransfer(record), path: present, thumbnailDataUrl: thumbnail };
    },
    async list() {
      return (await store.listTransfers()).map(toTransfer);
    },
    linkUp() {
      for (const messageId of [...retryTimers.keys()]) enqueue(messageId);
    },
    async stop() {
      stopped = true;
      for (const messageId of [...retryTimers.keys()]) clearRetry(messageId);
      queue.length = 0;
      for (const entry of running.values()) entry.controller.abort();
      await Promise.all([...running.values()].map((entry) => entry.done));
    },
  });
}
