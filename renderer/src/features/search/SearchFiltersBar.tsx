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
      <FilterSelect
        label={t('filters.conversation')}
        testId="search-filter-conversation"
        value={values.conversationId}
        anyLabel={t('filters.anyConversation')}
        options={conversations}
        // A sender picked for one conversation may not be in the next one.
        onChange={(conversationId) => set({ conversationId, senderId: '' })}
      />
      <FilterSelect
        label={t('filters.sender')}
        testId="search-filter-sender"
        value={values.senderId}
        anyLabel={t('filters.anySender')}
        options={senders}
        onChange={(senderId) => set({ senderId })}
      />
      <FilterSelect
        label={t('filters.kind')}
        testId="search-filter-kind"
        value={values.kind}
        anyLabel={t('filters.anyKind')}
        options={SEARCH_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        onChange={(kind) => set({ kind })}
      />
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

type FilterSelectProps = Readonly<{
  label: string;
  testId: string;
  value: string;
  /** The first choice, meaning "no filter" (value ''). */
  anyLabel: string;
  options: readonly Option[];
  onChange(value: string): void;
}>;

function FilterSelect({ label, testId, value, anyLabel, options, onChange }: FilterSelectProps) {
  return (
    <label>
      <span>{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
