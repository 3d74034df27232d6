import type { SearchProgress } from '../../../../shared/ipc/channels/search';
import type { Logger } from '../../deps/logger';
import type { Store } from '../../store/store';
import { createQuickSwitcher, type QuickSwitcher } from '../switcher/quickSwitcher';
import { SEARCH_EXTENSION, type SearchOperation } from '../worker/searchExtension';
import { createSearchBackend, type HostSearchBackend } from './searchBackend';

export type SessionSearchDeps = Readonly<{
  store: Pick<Store, 'extension' | 'listConversations' | 'listContacts'>;
  /** Forwards progress as the `search:progress` event. */
  emitProgress(progress: SearchProgress): void;
  logger: Logger;
}>;

/** One signed-in account's search: the backend in its store worker and its quick switcher. */
export type SessionSearch = Readonly<{
  backend: HostSearchBackend;
  switcher: QuickSwitcher;
  close(): Promise<void>;
}>;

/**
 * Made when a session opens: checks the index version (a pending or needed rebuild then runs
 * in the background, batch by batch, in the store's worker) and fills the switcher with the
 * conversations. Contacts and groups are added by whoever learns of them (`switcher.upsert…`).
 * Nothing here delays the session: failures are logged and search answers what it has.
 */
export function createSessionSearch(deps: SessionSearchDeps): SessionSearch {
  const call = (operation: SearchOperation, args?: unknown) =>
    deps.store.extension(SEARCH_EXTENSION, operation, args);
  const backend = createSearchBackend({
    call,
    onProgress: deps.emitProgress,
    onError: (error) => deps.logger.warn('search.rebuild-failed', { error: errorName(error) }),
  });
  const switcher = createQuickSwitcher();
  const started = Promise.all([
    backend.start(),
    deps.store.listConversations().then((list) => {
      for (const conversation of list) switcher.upsertConversation(conversation);
    }),
    // Deferred, so a store without contacts fails this step alone, not the session's search.
    Promise.resolve()
      .then(() => deps.store.listContacts())
      .then((list) => {
        for (const contact of list) switcher.upsertContact(contact);
      }),
  ]).catch((error: unknown) => deps.logger.warn('search.start-failed', { error: errorName(error) }));
  return Object.freeze({
    backend,
    switcher,
    async close() {
      await started;
      await backend.close();
    },
  });
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);
