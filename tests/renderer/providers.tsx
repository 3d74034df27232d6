import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiContext } from '../../renderer/src/api/apiContext';
import { createI18n, type Language } from '../../renderer/src/i18n/createI18n';
import { createChatStore, type ChatStore } from '../../renderer/src/state/chatStore';
import {
  createNavigationStore,
  NavigationContext,
  type NavigationStore,
} from '../../renderer/src/state/navigation';
import { StoreContext } from '../../renderer/src/state/storeContext';
import type { TidingsApi } from '../../shared/ipc/api';

export type Rendered = RenderResult & Readonly<{ store: ChatStore; navigation: NavigationStore }>;

/** Renders a component with everything the app provides: API, stores and translations (English unless told). */
export function renderWithProviders(
  ui: ReactNode,
  options: Readonly<{
    api: TidingsApi;
    store?: ChatStore;
    navigation?: NavigationStore;
    language?: Language;
  }>,
): Rendered {
  const store = options.store ?? createChatStore();
  const navigation = options.navigation ?? createNavigationStore();
  const i18n = createI18n(options.language ?? 'en');
  const result = render(
    <ApiContext value={options.api}>
      <StoreContext value={store}>
        <NavigationContext value={navigation}>
          <I18nextProvider i18n={i18n}>{ui}</I18nextProvider>
        </NavigationContext>
      </StoreContext>
    </ApiContext>,
  );
  return Object.assign(result, { store, navigation });
}
