import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/ipc/errors';
import type { Account } from '../../../../shared/ipc/models';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { LanguagePicker } from '../settings/LanguagePicker';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:7700';
export const DEFAULT_GATEWAY_URL = 'ws://127.0.0.1:7901/websocket';

export type LoginScreenProps = Readonly<{ onSignedIn: (account: Account) => void }>;

/**
 * Sign in to an existing account or register a new one on a Tidings server; or, in basic mode,
 * connect to a stock MobileIMSDK server with a user id and token.
 */
export function LoginScreen({ onSignedIn }: LoginScreenProps) {
  const api = useApi();
  const { t } = useTranslation('login');
  const errorText = useErrorText();
  const [basic, setBasic] = useState(false);
  const [serverUrl, setServerUrl] = useState(DEFAULT_SERVER_URL);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [wsUrl, setWsUrl] = useState(DEFAULT_GATEWAY_URL);
  const [userId, setUserId] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<Result<Account>>): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await action();
    if (result.ok) {
      onSignedIn(result.value);
      return;
    }
    setError(errorText(result.error));
    setBusy(false);
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (basic) void run(() => api.auth.loginBasic({ wsUrl, userId, token }));
    else void run(() => api.auth.login({ serverUrl, username, password }));
  };
  const register = (): void => {
    // A blank display name falls back to the username, so registering needs only two fields.
    const name = displayName.trim() || username.trim();
    void run(() => api.auth.register({ serverUrl, username, password, displayName: name }));
  };

  return (
    <main className="login-screen">
      <form className="login-card" aria-label={t('title')} data-testid="login-form" onSubmit={submit}>
        <div className="login-top">
          <h1 className="brand">Tidings</h1>
          <LanguagePicker compact />
        </div>
        <label className="check-row">
          <input
            type="checkbox"
            checked={basic}
            onChange={(e) => setBasic(e.target.checked)}
            data-testid="login-basic"
          />
          <span>{t('basicMode')}</span>
        </label>
        {basic ? (
          <>
            <p className="hint">{t('basicHint')}</p>
            <label>
              {t('gateway')}
              <input
                value={wsUrl}
                onChange={(e) => setWsUrl(e.target.value)}
                data-testid="login-gateway"
                required
              />
            </label>
            <label>
              {t('userId')}
              <input
                value={userId}
                onChange={(e) => setUserId(e.target.value)}
                data-testid="login-user-id"
                required
              />
            </label>
            <label>
              {t('token')}
              <input
                type="password"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                data-testid="login-token"
              />
            </label>
          </>
        ) : (
          <>
            <label>
              {t('server')}
              <input
                type="url"
                value={serverUrl}
                onChange={(e) => setServerUrl(e.target.value)}
                data-testid="login-server"
                required
              />
            </label>
            <label>
              {t('username')}
              <input
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                autoComplete="username"
                data-testid="login-username"
                required
              />
            </label>
            <label>
              {t('password')}
              <input
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="current-password"
                data-testid="login-password"
                required
              />
            </label>
            <label>
              <span>
                {t('displayName')} <span className="hint">{t('displayNameHint')}</span>
              </span>
              <input
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
                autoComplete="nickname"
                data-testid="login-display-name"
              />
            </label>
          </>
        )}
        {error ? (
          <p className="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <div className="login-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
            {t('signIn')}
          </button>
          {basic ? null : (
            <button type="button" disabled={busy} onClick={register} data-testid="login-register">
              {t('register')}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
