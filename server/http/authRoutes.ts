import type { AuthService } from '../services/authService';
import type { Route } from './router';
import { loginBodySchema, logoutBodySchema, refreshBodySchema, registerBodySchema } from './schemas';
import { parseRequest } from './validate';

/** Register, login, refresh and logout: each answers with a new token pair or revokes one. */
export function createAuthRoutes(auth: AuthService): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/auth/register',
      auth: 'none',
      handle: async ({ body }) => ({
        status: 201,
        body: await auth.register(parseRequest(registerBodySchema, body)),
      }),
    },
    {
      method: 'POST',
      path: '/api/auth/login',
      auth: 'none',
      handle: async ({ body }) => ({
        status: 200,
        body: await auth.login(parseRequest(loginBodySchema, body)),
      }),
    },
    {
      method: 'POST',
      path: '/api/auth/refresh',
      auth: 'none',
      handle: async ({ body }) => ({
        status: 200,
        body: await auth.refresh(parseRequest(refreshBodySchema, body).refreshToken),
      }),
    },
    {
      // Works with an expired access token or none: signing out must never fail for that.
      method: 'POST',
      path: '/api/auth/logout',
      auth: 'optional-user',
      handle: ({ body, sessionId }) => {
        const refreshToken = parseRequest(logoutBodySchema, body)?.refreshToken;
        auth.logout({ refreshToken, sessionId: sessionId ?? undefined });
        return { status: 200, body: { ok: true } };
      },
    },
  ];
}
