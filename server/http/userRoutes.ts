import { AppError } from '../errors';
import type { PublicProfile, UserService } from '../services/userService';
import type { Reply, Route } from './router';
import { profileChangesSchema, userSearchQuerySchema } from './schemas';
import { parseRequest } from './validate';

/** Profiles (own and others') and user search; every route needs a signed-in user. */
export function createUserRoutes(users: UserService): Route[] {
  const profile = (found: PublicProfile | null): Reply => {
    if (!found) throw new AppError('user-not-found');
    return { status: 200, body: found };
  };
  return [
    {
      method: 'GET',
      path: '/api/me',
      auth: 'user',
      handle: ({ userId }) => profile(users.profileById(userId ?? '')),
    },
    {
      method: 'PATCH',
      path: '/api/me',
      auth: 'user',
      handle: ({ userId, body }) =>
        profile(users.updateProfile(userId ?? '', parseRequest(profileChangesSchema, body))),
    },
    {
      // Prefix search by username: GET /api/users?query=al&limit=20 → {users: [...]}.
      method: 'GET',
      path: '/api/users',
      auth: 'user',
      handle: ({ query }) => {
        const { query: prefix, limit } = parseRequest(userSearchQuerySchema, {
          query: query.get('query') ?? undefined,
          limit: query.get('limit') ?? undefined,
        });
        return { status: 200, body: { users: users.search(prefix, limit) } };
      },
    },
    {
      method: 'GET',
      path: '/api/users/by-username/:username',
      auth: 'user',
      handle: ({ params }) => profile(users.profileByUsername(params.username ?? '')),
    },
    {
      method: 'GET',
      path: '/api/users/:userId',
      auth: 'user',
      handle: ({ params }) => profile(users.profileById(params.userId ?? '')),
    },
  ];
}
