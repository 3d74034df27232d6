import path from 'node:path';
import type { Account, Conversation, Message } from '../../../shared/ipc';
import type { EngineDeps } from '../deps/engineDeps';
import type { EventHub } from '../events/eventHub';
import { storageId } from '../persist/accountRecord';
import { accountDatabasePath } from '../store/database';
import type { OutboxEntry, Store } from '../store/store';
import { createFileApi } from './fileApi';
import { createThumbnailCache } from './thumbnails';
import { createTransferManager, type TransferManager } from './transferManager';

export type SessionFilesInput = Readonly<{
  account: Account;
  store: Store;
  deps: EngineDeps;
  events: EventHub;
  authed<T>(call: (token: string) => Promise<T>): Promise<T>;
  emitMessages(conversationId: string, messages: readonly Message[]): void;
  emitConversations(conversations: readonly Conversation[]): void;
  enqueueOutbox(entry: OutboxEntry): void;
}>;

/**
 * The transfer manager of one signed-in Tidings account (a stock server has no files). Its
 * caches live beside the account's database: `thumbnails/` (pictures) and `outgoing/` (pasted
 * bytes waiting to be uploaded).
 */
export function createSessionFiles(input: SessionFilesInput): TransferManager | null {
  const { account, deps } = input;
  if (account.mode !== 'tidings') return null;
  const accountDir = path.dirname(accountDatabasePath(deps.dataDir, storageId(account)));
  return createTransferManager({
    me: account.userId,
    store: input.store,
    api: createFileApi(account.serverUrl, deps.fetch),
    authed: input.authed,
    clock: deps.clock,
    timers: deps.timers,
    logger: deps.logger,
    tuning: deps.tuning,
    generateId: deps.generateId,
    thumbnails: createThumbnailCache(path.join(accountDir, 'thumbnails')),
    stagingDir: path.join(accountDir, 'outgoing'),
    privateDir: deps.dataDir,
    downloadsDir: deps.downloadsDir,
    emitTransfer: (transfer) => input.events.emit({ name: 'files:progress', payload: transfer }),
    emitMessages: input.emitMessages,
    emitConversations: input.emitConversations,
    enqueueOutbox: input.enqueueOutbox,
  });
}
