import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useChatStore } from '../../state/storeContext';

/**
 * A thin bar under the banner while sync or an index rebuild runs. Sync phases have no known
 * total, so they show an indeterminate bar; the index rebuild shows how far it is.
 */
export function ProgressBar() {
  const { t } = useTranslation('status');
  const format = useFormat();
  const sync = useChatStore((s) => s.sync);
  const index = useChatStore((s) => s.searchIndex);

  const rebuilding = index?.state === 'rebuilding';
  const syncing = sync !== null && sync.phase !== 'idle';
  if (!rebuilding && !syncing) return null;

  let label: string;
  let value: number | undefined;
  if (rebuilding) {
    label = t('progress.index', { done: format.number(index.done), total: format.number(index.total) });
    value = index.total > 0 ? Math.min(100, Math.round((index.done / index.total) * 100)) : 0;
  } else if (sync) {
    label = t(`progress.${sync.phase as 'inbox' | 'history' | 'resync' | 'backfill'}`, {
      applied: format.number(sync.applied),
      pending: format.number(sync.pendingConversations),
      remaining: format.number(sync.backfillRemaining),
    });
  } else {
    return null;
  }

  return (
    <div className="progress-strip" data-testid="progress-strip">
      <progress
        className="progress-bar"
        aria-label={label}
        max={100}
        {...(value === undefined ? {} : { value })}
      />
      <span className="progress-label">{label}</span>
    </div>
  );
}
