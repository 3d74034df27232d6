import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/ipc/channels/search';
import { useErrorText } from '../../i18n/errorText';
import { useFormat } from '../../i18n/format';
import { useNavigation } from '../../state/navigation';
import { useChatStore } from '../../state/storeContext';
import { groupHits } from './groupHits';
import { NO_FILTERS, toSearchFilters, type FilterValues } from './searchFilters';
import { SearchFiltersBar } from './SearchFiltersBar';
import { SearchResults } from './SearchResults';
import { useMessageSearch, type MessageSearchOptions } from './useMessageSearch';
import { useSearchPeople } from './useSearchPeople';
import './search.css';

export type SearchViewProps = Readonly<{ options?: MessageSearchOptions }>;

/**
 * Global message search (Ctrl/Cmd+F or the rail): as-you-type, offline, over every stored
 * message. Opening a hit shows its conversation scrolled to the message (the navigation
 * store's jump request, which the message list honours).
 */
export function SearchView({ options }: SearchViewProps = {}) {
  const { t } = useTranslation('search');
  const account = useChatStore((s) => s.account);
  const openConversation = useNavigation((s) => s.openConversation);
  const [query, setQuery] = useState('');
  const [values, setValues] = useState<FilterValues>(NO_FILTERS);
  const filters = useMemo(() => toSearchFilters(values), [values]);
  const search = useMessageSearch(query, filters, options);
  const people = useSearchPeople(account, values.conversationId, search.hits);
  const groups = useMemo(() => groupHits(search.hits), [search.hits]);
  const input = useRef<HTMLInputElement>(null);
  const errorText = useErrorText();

  useEffect(() => input.current?.focus(), []);

  const format = useFormat();

  const open = (hit: SearchHit) => openConversation(hit.conversation.id, hit.message.id);

  let status: 'idle' | 'loading' | 'empty' | null = null;
  if (search.status === 'idle') status = 'idle';
  else if (search.status === 'loading' && search.hits.length === 0) status = 'loading';
  else if (search.status === 'ready' && search.hits.length === 0) status = 'empty';

  return (
    <div className="search-view" data-testid="search-view">
      <header className="search-header">
        <h2>{t('title')}</h2>
        <input
          ref={input}
          type="search"
          className="search-input"
          data-testid="search-input"
          aria-label={t('inputLabel')}
          placeholder={t('placeholder')}
          value={query}
          maxLength={500}
          onChange={(e) => setQuery(e.target.value)}
        />
        <SearchFiltersBar
          values={values}
          onChange={setValues}
          conversations={people.conversationOptions}
          senders={people.senderOptions}
        />
      </header>
      {search.error ? (
        <p className="search-error" role="alert" data-testid="search-error">
          {errorText(search.error)}
        </p>
      ) : null}
      {status ? (
        <p className="search-status" role="status" data-testid="search-status" data-state={status}>
          {t(`status.${status}`)}
        </p>
      ) : null}
      <SearchResults
        groups={groups}
        hasMore={search.hasMore}
        loadingMore={search.loadingMore}
        onLoadMore={search.loadMore}
        onOpen={open}
        senderName={people.senderName}
        formatTime={format.dateTime}
      />
    </div>
  );
}
