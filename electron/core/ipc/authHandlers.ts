import { IpcFailure, type Account } from '../../../shared/ipc';
import { registerRequestSchema } from '../../../shared/protocol';
import type { ApiClient, SignInResponse } from '../http/apiClient';
import type { SignIn } from '../session/sessionManager';
import { describeIssues } from './dispatch';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

/**
 * Sign-in is HTTP first (credentials → tokens → profile), then the WebSocket login. The reply
 * waits for the WebSocket answer up to `loginWaitMs`: a refused login is an error, but a slow
 * or unreachable gateway is not — the connection keeps trying in the background.
 */
export function createAuthHandlers(ctx: HandlerContext): DomainHandlers<'auth'> {
  async function connect(input: SignIn, refused: IpcFailure): Promise<Account> {
    const session = await ctx.sessions.signIn(input);
    const outcome = await session.waitForLogin(ctx.deps.tuning.loginWaitMs);
    if (outcome === 'rejected' || outcome === 'kicked') {
      await ctx.sessions.signOut();
      throw refused;
    }
    return input.account;
  }

  async function signIn(serverUrl: string, api: ApiClient, auth: SignInResponse): Promise<Account> {
    const profile = await api.me(auth.token);
    const account: Account = {
      userId: auth.userId,
      username: profile.username,
      displayName: profile.displayName,
      serverUrl,
      mode: 'tidings',
    };
    return connect(
      {
        account,
        credentials: { token: auth.token, refreshToken: auth.refreshToken ?? null },
        api,
        senseMode: null,
      },
      new IpcFailure('server-error', 'The server refused the connection for this account.'),
    );
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
    'auth:loginBasic': async ({ wsUrl, userId, token, senseMode }) => {
      const account: Account = {
        userId,
        username: userId,
        displayName: userId,
        serverUrl: wsUrl,
        mode: 'basic',
      };
      return connect(
        { account, credentials: { token, refreshToken: null }, api: null, senseMode },
        new IpcFailure('invalid-credentials', 'The server refused this user id and token.'),
      );
    },
    'auth:logout': async () => {
      await ctx.sessions.signOut();
      return null;
    },
    'auth:current': () => ctx.sessions.account(),
  };
}
