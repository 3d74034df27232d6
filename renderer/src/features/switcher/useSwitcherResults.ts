import { useEffect, useRef, useState } from 'react';
import type { SwitcherEntry } from '../../../../shared/ipc/channels/search';
import type { IpcError } from '../../../../shared/ipc/errors';
import { useApi } from '../../api/apiContext';

export type SwitcherResults = Readonly<{
  entries: readonly SwitcherEntry[];
  /** The answer for the current query has arrived. */
  settled: boolean;
  error: IpcError | null;
}>;

/** How many entries the switcher shows: a screenful, it is for jumping, not browsing. */
export const SWITCHER_LIMIT = 12;

/**
 * The engine's quick-switcher index for what is typed (names, usernames, remarks, pinyin); an
 * empty query lists the most recently active. The index is in memory, so there is no debounce,
 * only a generation check that drops answers to an older query.
 */
export function useSwitcherResults(query: string): SwitcherResults {
  const api = useApi();
  const [results, setResults] = useState<SwitcherResults>({ entries: [], settled: false, error: null });
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    setResults((previous) => ({ ...previous, settled: false }));
    void api.search.switcher({ query: query.trim().slice(0, 100), limit: SWITCHER_LIMIT }).then((result) => {
      if (current !== generation.current) return;
      setResults(
        result.ok
          ? { entries: result.value, settled: true, error: null }
          : { entries: [], settled: true, error: result.error },
      );
    });
  }, [api, query]);

  return results;
}
