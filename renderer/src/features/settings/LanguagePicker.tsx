import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/apiContext';
import { useChatStore, useChatStoreApi } from '../../state/storeContext';

/** The UI language: follow the system, 简体中文 or English. Names are in their own language. */
export function LanguagePicker({ compact = false }: Readonly<{ compact?: boolean }>) {
  const { t } = useTranslation('settings');
  const api = useApi();
  const store = useChatStoreApi();
  const language = useChatStore((s) => s.settings?.language ?? 'system');
  const value = language === 'system' ? 'system' : language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

  const change = (next: string): void => {
    void api.settings.set({ language: next }).then((result) => {
      if (result.ok) store.getState().settingsChanged(result.value);
    });
  };

  return (
    <label className={compact ? 'language-picker compact' : 'language-picker'}>
      <span className={compact ? 'visually-hidden' : undefined}>{t('language.label')}</span>
      <select value={value} onChange={(e) => change(e.target.value)} data-testid="language-select">
        <option value="system">{t('language.system')}</option>
        <option value="zh-CN">简体中文</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
