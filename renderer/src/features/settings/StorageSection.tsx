import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { useFormat } from '../../i18n/format';
import { useChatStore, useChatStoreApi } from '../../state/storeContext';

/** The local store: the search index and its rebuild. */
export function StorageSection() {
  const { t } = useTranslation('settings');
  const api = useApi();
  const format = useFormat();
  const errorText = useErrorText();
  const store = useChatStoreApi();
  const index = useChatStore((s) => s.searchIndex);
  const rebuilding = index?.state === 'rebuilding';

  const rebuild = (): void => {
    void api.search.rebuild({}).then((result) => {
      if (result.ok) store.getState().searchIndexChanged(result.value);
      else store.getState().toast(errorText(result.error));
    });
  };

  return (
    <section className="settings-section" aria-labelledby="settings-storage">
      <h3 id="settings-storage">{t('sections.storage')}</h3>
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
      </div>
    </section>
  );
}
