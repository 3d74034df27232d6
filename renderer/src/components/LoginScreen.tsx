import { useState, type FormEvent } from 'react';
import type { Account } from '../../../shared/ipc/models';
import type { Result } from '../../../shared/ipc/errors';
import { useApi } from '../api/apiContext';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:7700';

export type LoginScreenProps = Readonly<{ onSignedIn: (account: Account) => void }>;

/** Sign in to an existing account, or register a new one, on a chosen server. */
export function LoginScreen({ onSignedIn }: LoginScreenProps) {
  const api = useApi();
  const [serverUrl, setServerUrl] = useState(DEFAULT_SERVER_URL);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
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
    setError(result.error.message);
    setBusy(false);
  };
  const signIn = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void run(() => api.auth.login({ serverUrl, username, password }));
  };
  const register = (): void => {
    // A blank display name falls back to the username, so registering needs only two fields.
    const name = displayName.trim() || username.trim();
    void run(() => api.auth.register({ serverUrl, username, password, displayName: name }));
  };

  return (
    <main className="login-screen">
      <form className="login-card" aria-label="Sign in" data-testid="login-form" onSubmit={signIn}>
        <h1 className="brand">Tidings</h1>
        <label>
          Server address
          <input
            type="url"
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
            data-testid="login-server"
            required
          />
        </label>
        <label>
          Username
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            data-testid="login-username"
            required
          />
        </label>
        <label>
          Password
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
            Display name <span className="hint">(for a new account)</span>
          </span>
          <input
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            autoComplete="nickname"
            data-testid="login-display-name"
          />
        </label>
        {error ? (
          <p className="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <div className="login-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
            Sign in
          </button>
          <button type="button" disabled={busy} onClick={register} data-testid="login-register">
            Register
          </button>
        </div>
      </form>
    </main>
  );
}
