import { useTranslation } from 'react-i18next';
import { useSettings } from './useSettings';

/** The UI language: follow the system, 简体中文 or English. Names are in their own language. */
export function LanguagePicker({ compact = false }: Readonly<{ compact?: boolean }>) {
  const { t } = useTranslation('settings');
  const { settings, change } = useSettings();
  const language = settings?.language ?? 'system';
  const value = language === 'system' ? 'system' : language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

  return (
    <label className={compact ? 'language-picker compact' : 'setting-row'}>
      <span className={compact ? 'visually-hidden' : undefined}>{t('language.label')}</span>
      <select
        value={value}
        onChange={(e) => change({ language: e.target.value })}
        data-testid="language-select"
      >
        <option value="system">{t('language.system')}</option>
        <option value="zh-CN">简体中文</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
