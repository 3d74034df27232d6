import type { i18n as I18n } from 'i18next';
import { StrictMode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { TidingsApi } from '../../../shared/ipc/api';
import { ApiContext } from '../api/apiContext';
import { createI18n } from '../i18n/createI18n';
import type { ChatStore } from '../state/chatStore';
import { createNavigationStore, NavigationContext, type NavigationStore } from '../state/navigation';
import { StoreContext } from '../state/storeContext';
import { Session } from './Session';
import { SettingsEffects } from './SettingsEffects';

export type AppProps = Readonly<{
  api: TidingsApi;
  store: ChatStore;
  navigation?: NavigationStore;
  i18n?: I18n;
}>;

/** Everything the UI needs, injected: the API, the stores and the translations. */
export function App({ api, store, navigation, i18n }: AppProps) {
  const [nav] = useState(() => navigation ?? createNavigationStore());
  const [translations] = useState(() => i18n ?? createI18n());
  return (
    <StrictMode>
      <ApiContext value={api}>
        <StoreContext value={store}>
          <NavigationContext value={nav}>
            <I18nextProvider i18n={translations}>
              <SettingsEffects />
              <Session />
            </I18nextProvider>
          </NavigationContext>
        </StoreContext>
      </ApiContext>
    </StrictMode>
  );
}
