import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SwitcherEntry } from '../../../../shared/ipc/channels/search';
import type { IpcError } from '../../../../shared/ipc/errors';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { useNavigationStore } from '../../state/navigation';
import { useChatStoreApi } from '../../state/storeContext';
import { conversationOfEntry } from './openEntry';
import { useSwitcherResults } from './useSwitcherResults';
import './switcher.css';

/**
 * The quick switcher (Ctrl/⌘+K): a modal combobox over people, groups and conversations,
 * pinyin included. Arrow keys move, Enter opens, Escape or a click outside closes; focus goes
 * back where it was.
 */
export function QuickSwitcher() {
  const { t } = useTranslation('switcher');
  const api = useApi();
  const store = useChatStoreApi();
  const navigation = useNavigationStore();
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  /** The highlighted entry by identity, so a refreshed answer keeps the user's place. */
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [openError, setOpenError] = useState<IpcError | null>(null);
  const { entries, settled, error } = useSwitcherResults(query);
  const found = entries.findIndex((entry) => entryKey(entry) === activeKey);
  // A new query (or an answer without the highlighted entry) starts at its best match.
  const active = found >= 0 ? found : 0;
  const setActive = (next: (index: number) => number) => {
    const entry = entries[next(active)];
    setActiveKey(entry ? entryKey(entry) : null);
  };
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => before?.focus();
  }, []);

  useEffect(() => setActiveKey(null), [query]);

  const close = () => navigation.getState().setSwitcherOpen(false);

  const open = async (entry: SwitcherEntry | undefined) => {
    if (!entry) return;
    const result = await conversationOfEntry(api, entry);
    if (!result.ok) {
      setOpenError(result.error);
      return;
    }
    if (result.value.opened) store.getState().conversationsChanged([result.value.opened]);
    // Also closes the switcher.
    navigation.getState().openConversation(result.value.conversationId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const count = entries.length;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % count);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setActive((i) => (i - 1 + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void open(entries[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      // The input is the only stop in the dialog: keep focus inside it.
      event.preventDefault();
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  const problem = openError ?? error;

  return (
    <div className="switcher-backdrop" data-testid="switcher-backdrop" onMouseDown={close}>
      <div
        className="switcher"
        role="dialog"
        aria-modal="true"
        aria-label={t('label')}
        data-testid="quick-switcher"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <input
          ref={input}
          className="switcher-input"
          data-testid="switcher-input"
          role="combobox"
          aria-expanded={entries.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={entries.length > 0 ? optionId(active) : undefined}
          aria-label={t('inputLabel')}
          placeholder={t('placeholder')}
          value={query}
          maxLength={100}
          onChange={(e) => {
            setOpenError(null);
            setQuery(e.target.value);
          }}
        />
        <ul className="switcher-list" id={listId} role="listbox" aria-label={t('results')}>
          {entries.map((entry, index) => (
            <li
              key={`${entry.kind}:${entry.id}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'switcher-option active' : 'switcher-option'}
              data-testid="switcher-option"
              data-kind={entry.kind}
              onMouseMove={() => setActive(() => index)}
              onClick={() => void open(entry)}
            >
              <span className="switcher-avatar" aria-hidden="true">
                {Array.from(entry.title)[0] ?? '?'}
              </span>
              <span className="switcher-names">
                <span className="switcher-title">{entry.title}</span>
                {entry.subtitle ? <span className="switcher-subtitle">{entry.subtitle}</span> : null}
              </span>
              <span className="switcher-kind">{t(`kinds.${entry.kind}`)}</span>
            </li>
          ))}
        </ul>
        {problem ? (
          <p className="switcher-error" role="alert" data-testid="switcher-error">
            {errorText(problem)}
          </p>
        ) : settled && entries.length === 0 ? (
          <p className="switcher-empty" role="status">
            {query.trim() === '' ? t('nothingYet') : t('empty')}
          </p>
        ) : null}
        <p className="switcher-hint">{t('hint')}</p>
      </div>
    </div>
  );
}

function entryKey(entry: SwitcherEntry): string {
  return `${entry.kind}:${entry.id}`;
}
