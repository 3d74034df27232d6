import { useTranslation } from 'react-i18next';
import { AccountSection } from './AccountSection';
import { Choice, Toggle } from './Choice';
import { LanguagePicker } from './LanguagePicker';
import { StorageSection } from './StorageSection';
import { UpdatesSection } from './UpdatesSection';
import { useSettings } from './useSettings';
import './settings.css';

/** Every preference of this installation, in sections; each change is saved at once. */
export function SettingsView() {
  const { t } = useTranslation('settings');
  const { settings, change } = useSettings();

  return (
    <div className="settings-view" data-testid="settings-view">
      <div className="settings-scroll">
        <h2>{t('title')}</h2>
        <AccountSection />
        {settings ? (
          <>
            <section className="settings-section" aria-labelledby="settings-notifications">
              <h3 id="settings-notifications">{t('sections.notifications')}</h3>
              <Toggle
                label={t('notifications.enabled')}
                checked={settings.notifications.enabled}
                onChange={(enabled) => change({ notifications: { enabled } })}
                testId="notify-enabled"
              />
              <Toggle
                label={t('notifications.sound')}
                checked={settings.notifications.sound}
                disabled={!settings.notifications.enabled}
                onChange={(sound) => change({ notifications: { sound } })}
                testId="notify-sound"
              />
              <Toggle
                label={t('notifications.preview')}
                checked={settings.notifications.showPreview}
                disabled={!settings.notifications.enabled}
                onChange={(showPreview) => change({ notifications: { showPreview } })}
                testId="notify-preview"
              />
              <Toggle
                label={t('notifications.dnd')}
                checked={settings.doNotDisturb.enabled}
                onChange={(enabled) => change({ doNotDisturb: { enabled } })}
                testId="dnd-enabled"
              />
              <div className="setting-inline">
                <label>
                  {t('notifications.dndFrom')}
                  <input
                    type="time"
                    value={settings.doNotDisturb.from}
                    disabled={!settings.doNotDisturb.enabled}
                    onChange={(e) => {
                      if (e.target.value) change({ doNotDisturb: { from: e.target.value } });
                    }}
                    data-testid="dnd-from"
                  />
                </label>
                <label>
                  {t('notifications.dndTo')}
                  <input
                    type="time"
                    value={settings.doNotDisturb.to}
                    disabled={!settings.doNotDisturb.enabled}
                    onChange={(e) => {
                      if (e.target.value) change({ doNotDisturb: { to: e.target.value } });
                    }}
                    data-testid="dnd-to"
                  />
                </label>
              </div>
            </section>
            <section className="settings-section" aria-labelledby="settings-appearance">
              <h3 id="settings-appearance">{t('sections.appearance')}</h3>
              <LanguagePicker />
              <Choice
                label={t('theme.label')}
                value={settings.theme}
                options={[
                  { value: 'system', label: t('theme.system') },
                  { value: 'light', label: t('theme.light') },
                  { value: 'dark', label: t('theme.dark') },
                ]}
                onChange={(theme) => change({ theme })}
                testId="theme"
              />
            </section>
            <section className="settings-section" aria-labelledby="settings-messages">
              <h3 id="settings-messages">{t('sections.messages')}</h3>
              <Choice
                label={t('sendKey.label')}
                value={settings.sendKey}
                options={[
                  { value: 'enter', label: t('sendKey.enter') },
                  { value: 'mod-enter', label: t('sendKey.mod-enter') },
                ]}
                onChange={(sendKey) => change({ sendKey })}
                testId="send-key"
              />
            </section>
            <StorageSection />
            <section className="settings-section" aria-labelledby="settings-system">
              <h3 id="settings-system">{t('sections.system')}</h3>
              <Toggle
                label={t('system.startAtLogin')}
                checked={settings.startAtLogin}
                onChange={(startAtLogin) => change({ startAtLogin })}
                testId="start-at-login"
              />
            </section>
          </>
        ) : null}
        <UpdatesSection />
      </div>
    </div>
  );
}
