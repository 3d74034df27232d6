import { loginRequestHttpSchema, registerRequestSchema, type UserProfile } from '../../shared/protocol';
import { AppError } from '../errors';
import type { AuthService } from '../services/authService';
import type { UserService } from '../services/userService';
import type { Reply, Route } from './router';
import { parseRequest } from './validate';

/** Every HTTP endpoint. Handlers validate, call one service, and shape the reply; nothing else. */
export function createRoutes(services: Readonly<{ auth: AuthService; users: UserService }>): Route[] {
  const { auth, users } = services;
  const profile = (found: UserProfile | null): Reply => {
    if (!found) throw new AppError('user-not-found');
    return { status: 200, body: found };
  };
  return [
    { method: 'GET', path: '/healthz', auth: false, handle: () => ({ status: 200, body: { ok: true } }) },
    {
      method: 'POST',
      path: '/api/auth/register',
      auth: false,
      handle: async ({ body }) => ({
        status: 201,
        body: await auth.register(parseRequest(registerRequestSchema, body)),
      }),
    },
    {
      method: 'POST',
      path: '/api/auth/login',
      auth: false,
      handle: async ({ body }) => ({
        status: 200,
        body: await auth.login(parseRequest(loginRequestHttpSchema, body)),
      }),
    },
    {
      method: 'GET',
      path: '/api/me',
      auth: true,
      handle: ({ userId }) => profile(users.profileById(userId ?? '')),
    },
    {
      method: 'GET',
      path: '/api/users/by-username/:username',
      auth: true,
      handle: ({ params }) => profile(users.profileByUsername(params.username ?? '')),
    },
    {
      method: 'GET',
      path: '/api/users/:userId',
      auth: true,
      handle: ({ params }) => profile(users.profileById(params.userId ?? '')),
    },
  ];
}
