import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/apiContext';
import { LoginScreen } from '../features/login/LoginScreen';
import { useChatStore } from '../state/storeContext';
import { AppShell } from './AppShell';

/** Restores the session the engine kept, then shows sign-in or the app. */
export function Session() {
  const api = useApi();
  const { t } = useTranslation('common');
  const account = useChatStore((s) => s.account);
  const signedIn = useChatStore((s) => s.signedIn);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    let current = true;
    void api.auth.current({}).then((result) => {
      if (!current) return;
      if (result.ok && result.value) signedIn(result.value);
      setChecked(true);
    });
    return () => {
      current = false;
    };
  }, [api, signedIn]);

  if (!checked) return <p className="splash">{t('loading')}</p>;
  return account ? <AppShell /> : <LoginScreen onSignedIn={signedIn} />;
}
