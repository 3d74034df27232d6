import { useTranslation } from 'react-i18next';
import { SEARCH_KINDS, hasFilters, NO_FILTERS, type FilterValues } from './searchFilters';

export type Option = Readonly<{ value: string; label: string }>;

export type SearchFiltersBarProps = Readonly<{
  values: FilterValues;
  onChange(values: FilterValues): void;
  conversations: readonly Option[];
  senders: readonly Option[];
}>;

/** Conversation, sender, kind and date range; every control is labelled for screen readers. */
export function SearchFiltersBar({ values, onChange, conversations, senders }: SearchFiltersBarProps) {
  const { t } = useTranslation('search');
  const set = (patch: Partial<FilterValues>) => onChange({ ...values, ...patch });
  return (
    <fieldset className="search-filters" data-testid="search-filters">
      <legend className="search-legend">{t('filters.legend')}</legend>
      <label>
        <span>{t('filters.conversation')}</span>
        <select
          data-testid="search-filter-conversation"
          value={values.conversationId}
          // A sender picked for one conversation may not be in the next one.
          onChange={(e) => set({ conversationId: e.target.value, senderId: '' })}
        >
          <option value="">{t('filters.anyConversation')}</option>
          {conversations.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.sender')}</span>
        <select
          data-testid="search-filter-sender"
          value={values.senderId}
          onChange={(e) => set({ senderId: e.target.value })}
        >
          <option value="">{t('filters.anySender')}</option>
          {senders.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.kind')}</span>
        <select
          data-testid="search-filter-kind"
          value={values.kind}
          onChange={(e) => set({ kind: e.target.value })}
        >
          <option value="">{t('filters.anyKind')}</option>
          {SEARCH_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('filters.since')}</span>
        <input
          type="date"
          data-testid="search-filter-since"
          value={values.since}
          max={values.until || undefined}
          onChange={(e) => set({ since: e.target.value })}
        />
      </label>
      <label>
        <span>{t('filters.until')}</span>
        <input
          type="date"
          data-testid="search-filter-until"
          value={values.until}
          min={values.since || undefined}
          onChange={(e) => set({ until: e.target.value })}
        />
      </label>
      {hasFilters(values) ? (
        <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
          {t('filters.clear')}
        </button>
      ) : null}
    </fieldset>
  );
}
