import { StrictMode, useEffect, useState } from 'react';
import type { TidingsApi } from '../../../shared/ipc/api';
import { ApiContext, useApi } from '../api/apiContext';
import type { ChatStore } from '../state/chatStore';
import { StoreContext, useChatStore } from '../state/storeContext';
import { ChatScreen } from './ChatScreen';
import { LoginScreen } from './LoginScreen';

/** Restores the session the engine kept, then shows sign-in or the chat. */
function Session() {
  const api = useApi();
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

  if (!checked) return <p className="splash">Loading…</p>;
  return account ? <ChatScreen /> : <LoginScreen onSignedIn={signedIn} />;
}

export type AppProps = Readonly<{ api: TidingsApi; store: ChatStore }>;

export function App({ api, store }: AppProps) {
  return (
    <StrictMode>
      <ApiContext value={api}>
        <StoreContext value={store}>
          <Session />
        </StoreContext>
      </ApiContext>
    </StrictMode>
  );
}
