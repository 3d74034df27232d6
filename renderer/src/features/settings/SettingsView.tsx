import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './LanguagePicker';

/** The settings view. */
export function SettingsView() {
  const { t } = useTranslation('settings');
  return (
    <div className="settings-view" data-testid="settings-view">
      <h2>{t('title')}</h2>
      <LanguagePicker />
    </div>
  );
}
