import type { Database } from 'better-sqlite3';
import type { Migration } from './migrate';
import type { MessageIndexer } from './messageIndexer';

/**
 * A module that lives beside the engine's tables in the store's worker thread (the search
 * index is the first). It brings its own migrations (numbers 10 and up; the engine keeps 1–9),
 * may mirror every message write through an indexer in the same transaction, and offers named
 * operations the host calls with `Store.extension(name, operation, args)`.
 */
export type StoreExtension = Readonly<{
  name: string;
  migrations?: readonly Migration[];
  indexer?: MessageIndexer;
  /**
   * Runs in the worker with the account's database. `args` and the result cross the thread
   * boundary by structured clone; validate `args` before use.
   */
  operations?: Readonly<Record<string, (db: Database, args: unknown) => unknown>>;
}>;
