import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/apiContext';
import { localeTag, resolveLanguage } from '../i18n/createI18n';
import { useChatStore, useChatStoreApi } from '../state/storeContext';
import { applyTheme } from '../theme/applyTheme';

/** Loads the settings, keeps them current, and applies theme and language to the page. */
export function SettingsEffects() {
  const api = useApi();
  const store = useChatStoreApi();
  const { i18n } = useTranslation();
  const theme = useChatStore((s) => s.settings?.theme ?? 'system');
  const language = useChatStore((s) => s.settings?.language ?? 'system');

  useEffect(() => {
    let current = true;
    const off = api.settings.onChanged((settings) => store.getState().settingsChanged(settings));
    void api.settings.get({}).then((result) => {
      if (current && result.ok) store.getState().settingsChanged(result.value);
    });
    return () => {
      current = false;
      off();
    };
  }, [api, store]);

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    const resolved = resolveLanguage(language);
    if (i18n.language !== resolved) void i18n.changeLanguage(resolved);
    document.documentElement.lang = localeTag(resolved);
  }, [i18n, language]);

  return null;
}
