import { IpcFailure, type Account } from '../../../shared/ipc';
import { registerRequestSchema, type AuthResponse } from '../../../shared/protocol';
import type { ApiClient } from '../http/apiClient';
import { describeIssues } from './dispatch';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

/**
 * Sign-in is HTTP first (credentials → token → profile), then the WebSocket login. The reply
 * waits for the WebSocket answer up to `loginWaitMs`: a refused login is an error, but a slow
 * or unreachable gateway is not — the connection keeps trying in the background.
 */
export function createAuthHandlers(ctx: HandlerContext): DomainHandlers<'auth'> {
  async function signIn(serverUrl: string, api: ApiClient, auth: AuthResponse): Promise<Account> {
    const profile = await api.me(auth.token);
    const account: Account = {
      userId: auth.userId,
      username: profile.username,
      displayName: profile.displayName,
      serverUrl,
    };
    const session = await ctx.sessions.signIn({ account, token: auth.token, api });
    const outcome = await session.waitForLogin(ctx.deps.tuning.loginWaitMs);
    if (outcome === 'rejected' || outcome === 'kicked') {
      await ctx.sessions.signOut(session);
      throw new IpcFailure('server-error', 'The server refused the connection for this account.');
    }
    return account;
  }

  return {
    'auth:register': async (request) => {
      // The server's rules are stricter than the contract's (e.g. which characters a username may use).
      const parsed = registerRequestSchema.safeParse({
        username: request.username,
        password: request.password,
        displayName: request.displayName,
      });
      if (!parsed.success) throw new IpcFailure('invalid-request', describeIssues(parsed.error));
      const api = ctx.apiFor(request.serverUrl);
      return signIn(request.serverUrl, api, await api.register(parsed.data));
    },
    'auth:login': async (request) => {
      const api = ctx.apiFor(request.serverUrl);
      return signIn(
        request.serverUrl,
        api,
        await api.login({ username: request.username, password: request.password }),
      );
    },
    'auth:current': () => Promise.resolve(ctx.sessions.current()?.account ?? null),
  };
}
