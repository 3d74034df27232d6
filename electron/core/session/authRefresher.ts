import { IpcFailure } from '../../../shared/ipc';
import type { Logger } from '../deps/logger';
import type { ApiClient } from '../http/apiClient';
import { HttpStatusError } from '../http/httpErrors';
import type { Credentials } from '../persist/accountRecord';

export type RefreshOutcome = 'refreshed' | 'rejected' | 'unreachable';

export type AuthRefresher = Readonly<{
  token(): string;
  credentials(): Credentials;
  /** Trades the refresh token for new tokens; concurrent callers share one request. */
  refresh(): Promise<RefreshOutcome>;
  /**
   * Runs an HTTP call with the access token; on 401 refreshes once and tries again. A refresh
   * the server refuses means the user must sign in: `onRejected` runs and the call fails.
   */
  authed<T>(call: (token: string) => Promise<T>): Promise<T>;
}>;

export type AuthRefresherDeps = Readonly<{
  api: Pick<ApiClient, 'refresh'>;
  initial: Credentials;
  logger: Logger;
  /** New tokens: keep them (secret store). */
  save(credentials: Credentials): Promise<void>;
  onRejected(): void;
}>;

/** The access token and its renewal (POST /api/auth/refresh). */
export function createAuthRefresher(deps: AuthRefresherDeps): AuthRefresher {
  let credentials = deps.initial;
  let inFlight: Promise<RefreshOutcome> | null = null;

  const refreshOnce = async (): Promise<RefreshOutcome> => {
    const refreshToken = credentials.refreshToken;
    if (refreshToken === null) return 'rejected';
    try {
      const answer = await deps.api.refresh(refreshToken);
      credentials = { token: answer.token, refreshToken: answer.refreshToken ?? refreshToken };
      await deps.save(credentials);
      deps.logger.info('auth.refreshed');
      return 'refreshed';
    } catch (error) {
      // The refresh token itself was refused (expired, revoked): only the password helps now.
      if (
        error instanceof HttpStatusError &&
        error.status >= 400 &&
        error.status < 500 &&
        error.status !== 429
      ) {
        deps.logger.warn('auth.refresh-rejected', { status: error.status });
        return 'rejected';
      }
      deps.logger.info('auth.refresh-unreachable', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      return 'unreachable';
    }
  };

  const refresh = (): Promise<RefreshOutcome> => {
    inFlight ??= refreshOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  return Object.freeze({
    token: () => credentials.token,
    credentials: () => credentials,
    refresh,
    async authed<T>(call: (token: string) => Promise<T>): Promise<T> {
      try {
        return await call(credentials.token);
      } catch (error) {
        if (!(error instanceof HttpStatusError) || error.status !== 401) throw error;
      }
      const outcome = await refresh();
      if (outcome === 'rejected') {
        deps.onRejected();
        throw new IpcFailure('session-expired');
      }
      if (outcome === 'unreachable') throw new IpcFailure('server-unreachable');
      return call(credentials.token);
    },
  });
}
