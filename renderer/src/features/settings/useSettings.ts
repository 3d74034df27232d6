import { useCallback } from 'react';
import type { Settings, SettingsPatch } from '../../../../shared/ipc/models';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { useChatStore, useChatStoreApi } from '../../state/storeContext';

/** The current settings and a function that changes some of them through the engine. */
export function useSettings(): { settings: Settings | null; change: (patch: SettingsPatch) => void } {
  const api = useApi();
  const store = useChatStoreApi();
  const errorText = useErrorText();
  const settings = useChatStore((s) => s.settings);
  const change = useCallback(
    (patch: SettingsPatch) => {
      void api.settings.set(patch).then((result) => {
        if (result.ok) store.getState().settingsChanged(result.value);
        else store.getState().toast(errorText(result.error));
      });
    },
    [api, store, errorText],
  );
  return { settings, change };
}
