import type { StoreApi } from './storeApi';

export type { OutboxEntry } from './core/outboxOps';
export type { NewOutgoing, RemovedMessages } from './core/messageOps';
export type { ConversationSummary, SyncBatch, SyncOutcome } from './core/syncOps';
export type { OpenedConversation } from './core/conversationOps';

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/**
 * One account's local store as the engine sees it: every operation of `StoreApi`, run in the
 * store's worker thread and answered as a promise, so a database call can never block the
 * host's event loop.
 */
export type Store = { readonly [K in keyof StoreApi]: Async<StoreApi[K]> } & Readonly<{
  /** Runs a store extension's named operation (e.g. a search query) in the worker. */
  extension(name: string, operation: string, args: unknown): Promise<unknown>;
  /** Finishes queued work and closes the database; later calls reject. */
  close(): Promise<void>;
}>;
