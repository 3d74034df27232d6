import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageStats } from '../../../../shared/ipc/channels/storage';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { useFormat } from '../../i18n/format';
import { useChatStore, useChatStoreApi } from '../../state/storeContext';

/** The local store: its size, the picture cache, and the search index with its rebuild. */
export function StorageSection() {
  const { t } = useTranslation('settings');
  const api = useApi();
  const format = useFormat();
  const errorText = useErrorText();
  const store = useChatStoreApi();
  const index = useChatStore((s) => s.searchIndex);
  const [stats, setStats] = useState<StorageStats | null>(null);
  const rebuilding = index?.state === 'rebuilding';

  const report = useCallback(
    (error: Parameters<typeof errorText>[0]) => store.getState().toast(errorText(error)),
    [store, errorText],
  );

  useEffect(() => {
    let current = true;
    void api.storage.stats({}).then((result) => {
      if (current && result.ok) setStats(result.value);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const rebuild = (): void => {
    void api.search.rebuild({}).then((result) => {
      if (result.ok) store.getState().searchIndexChanged(result.value);
      else report(result.error);
    });
  };
  const clearCache = (): void => {
    void api.storage.clearCache({}).then((result) => {
      if (!result.ok) return report(result.error);
      setStats(result.value);
      store.getState().toast(t('storage.cleared'), 'info');
    });
  };

  return (
    <section className="settings-section" aria-labelledby="settings-storage">
      <h3 id="settings-storage">{t('sections.storage')}</h3>
      {stats ? (
        <dl className="settings-facts" data-testid="storage-stats">
          <dt>{t('storage.database')}</dt>
          <dd data-testid="storage-database">{format.bytes(stats.databaseBytes)}</dd>
          <dt>{t('storage.cache')}</dt>
          <dd data-testid="storage-cache">{format.bytes(stats.cacheBytes)}</dd>
        </dl>
      ) : null}
      <p className="hint" data-testid="index-state">
        {rebuilding
          ? t('storage.rebuilding', { done: format.number(index.done), total: format.number(index.total) })
          : index
            ? `${t('storage.indexReady')} ${t('storage.messagesIndexed', { count: index.total, formatted: format.number(index.total) })}`
            : t('storage.indexReady')}
      </p>
      <div className="settings-actions">
        <button type="button" onClick={rebuild} disabled={rebuilding} data-testid="rebuild-index">
          {t('storage.rebuild')}
        </button>
        <button
          type="button"
          onClick={clearCache}
          disabled={!stats || stats.cacheBytes === 0}
          data-testid="clear-cache"
        >
          {t('storage.clearCache')}
        </button>
      </div>
    </section>
  );
}
