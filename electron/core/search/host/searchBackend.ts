import type { SearchProgress } from '../../../../shared/ipc/channels/search';
import type { ContextWindow, MessagesPage, SearchBackend } from '../engine/searchRequests';
import type { SearchOperation } from '../worker/searchExtension';

/** Runs one search operation where the database lives (the store's worker) and returns its result. */
export type CallSearch = (operation: SearchOperation, args?: unknown) => Promise<unknown>;

export type SearchBackendOptions = Readonly<{
  call: CallSearch;
  /** Each rebuild batch's progress, and the final `ready`; the host forwards it as `search:progress`. */
  onProgress(progress: SearchProgress): void;
  /** A failed rebuild batch: the rebuild stops here and resumes on the next start(). */
  onError?(error: unknown): void;
  /** Messages per batch; each batch is one short transaction in the worker. */
  batchSize?: number;
}>;

export type HostSearchBackend = SearchBackend &
  Readonly<{
    /** Checks the index version and drives a pending rebuild in the background. */
    start(): Promise<SearchProgress>;
    /** Stops driving a rebuild (it resumes from its last batch on the next start). */
    close(): Promise<void>;
  }>;

/**
 * The host side of search. Every call is a request to the worker, so the host's event loop
 * never runs SQL; a rebuild is a chain of batch requests, and searches queue between them.
 */
export function createSearchBackend(options: SearchBackendOptions): HostSearchBackend {
  const { call, onProgress } = options;
  let closed = false;
  let driving: Promise<void> | null = null;

  const progressOf = async (operation: SearchOperation, args?: unknown) =>
    (await call(operation, args)) as SearchProgress;

  async function drive(first: SearchProgress): Promise<void> {
    let progress = first;
    while (!closed && progress.state === 'rebuilding') {
      progress = await progressOf('rebuildStep', { batchSize: options.batchSize });
      onProgress(progress);
    }
  }

  function driveInBackground(first: SearchProgress): void {
    if (driving !== null || first.state !== 'rebuilding') return;
    driving = drive(first)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        driving = null;
      });
  }

  return Object.freeze({
    async start() {
      const progress = await progressOf('open');
      onProgress(progress);
      driveInBackground(progress);
      return progress;
    },
    async messages(request) {
      return (await call('messages', request)) as MessagesPage;
    },
    async context(request) {
      return (await call('context', request)) as ContextWindow | null;
    },
    async rebuild() {
      const progress = await progressOf('beginRebuild');
      onProgress(progress);
      driveInBackground(progress);
      return progress;
    },
    status: () => progressOf('status'),
    async close() {
      closed = true;
      await driving;
    },
  });
}
