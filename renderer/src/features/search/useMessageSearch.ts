import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchFilters, SearchHit } from '../../../../shared/ipc/channels/search';
import type { IpcError } from '../../../../shared/ipc/errors';
import { useApi } from '../../api/apiContext';

export type SearchStatus = 'idle' | 'loading' | 'ready' | 'error';

export type MessageSearch = Readonly<{
  status: SearchStatus;
  hits: readonly SearchHit[];
  /** Another page can be loaded. */
  hasMore: boolean;
  loadingMore: boolean;
  error: IpcError | null;
  /** Loads the next page (no-op while one is loading or when there is none). */
  loadMore(): void;
}>;

export type MessageSearchOptions = Readonly<{
  /** Pause after the last keystroke before asking the engine. */
  debounceMs?: number;
  pageSize?: number;
}>;

type Page = Readonly<{
  status: SearchStatus;
  hits: readonly SearchHit[];
  nextCursor: string | null;
  loadingMore: boolean;
  error: IpcError | null;
}>;

const IDLE: Page = { status: 'idle', hits: [], nextCursor: null, loadingMore: false, error: null };

/**
 * Search as you type, one page at a time. A new query or filter starts over; answers to an
 * older query are dropped when they arrive late (a generation counter), so the list never
 * shows hits of something the user is no longer asking.
 */
export function useMessageSearch(
  query: string,
  filters: SearchFilters,
  { debounceMs = 200, pageSize = 20 }: MessageSearchOptions = {},
): MessageSearch {
  const api = useApi();
  const [page, setPage] = useState<Page>(IDLE);
  const generation = useRef(0);
  const filtersKey = JSON.stringify(filters);

  useEffect(() => {
    const current = ++generation.current;
    if (query.trim() === '') {
      setPage(IDLE);
      return;
    }
    setPage((previous) => ({ ...previous, status: 'loading', error: null }));
    const timer = setTimeout(() => {
      void api.search
        .messages({
          query,
          filters: JSON.parse(filtersKey) as SearchFilters,
          limit: pageSize,
          asYouType: true,
        })
        .then((result) => {
          if (current !== generation.current) return;
          setPage(
            result.ok
              ? {
                  status: 'ready',
                  hits: result.value.hits,
                  nextCursor: result.value.nextCursor,
                  loadingMore: false,
                  error: null,
                }
              : { ...IDLE, status: 'error', error: result.error },
          );
        });
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [api, query, filtersKey, debounceMs, pageSize]);

  // loadMore reads the latest page without being re-created on every change of it.
  const pageRef = useRef(page);
  useEffect(() => {
    pageRef.current = page;
  }, [page]);

  const loadMore = useCallback(() => {
    const { nextCursor, loadingMore, status } = pageRef.current;
    if (nextCursor === null || loadingMore || status !== 'ready') return;
    const current = generation.current;
    setPage((previous) => ({ ...previous, loadingMore: true }));
    void api.search
      .messages({
        query,
        filters: JSON.parse(filtersKey) as SearchFilters,
        cursor: nextCursor,
        limit: pageSize,
        asYouType: true,
      })
      .then((result) => {
        if (current !== generation.current) return;
        setPage((previous) => {
          if (!result.ok) return { ...previous, loadingMore: false, error: result.error };
          const seen = new Set(previous.hits.map((hit) => hit.message.id));
          const fresh = result.value.hits.filter((hit) => !seen.has(hit.message.id));
          return {
            ...previous,
            hits: [...previous.hits, ...fresh],
            nextCursor: result.value.nextCursor,
            loadingMore: false,
            error: null,
          };
        });
      });
  }, [api, query, filtersKey, pageSize]);

  return {
    status: page.status,
    hits: page.hits,
    hasMore: page.nextCursor !== null,
    loadingMore: page.loadingMore,
    error: page.error,
    loadMore,
  };
}
