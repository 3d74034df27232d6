import { AppError } from '../errors';
import type { AdminService } from '../services/adminService';
import type { Route } from './router';
import { bulkProvisionBodySchema, kickBodySchema, setDisabledBodySchema, userIdSchema } from './schemas';
import { parseRequest } from './validate';

export type AdminRouteOptions = Readonly<{ bodyLimitBytes: number; bulkMaxUsers: number }>;

/**
 * The operator's API under /api/admin/, behind the admin token (checked by the HTTP handler).
 * Registered only when an admin token is configured: without one these paths do not exist.
 */
export function createAdminRoutes(admin: AdminService, options: AdminRouteOptions): Route[] {
  const bulkSchema = bulkProvisionBodySchema(options.bulkMaxUsers);
  const userIdParam = (params: Readonly<Record<string, string>>): string => {
    const parsed = userIdSchema.safeParse(params.userId);
    if (!parsed.success) throw new AppError('user-not-found');
    return parsed.data;
  };
  return [
    {
      // → [{userId, username, token, refreshToken, created}], in request order.
      method: 'POST',
      path: '/api/admin/users/bulk',
      auth: 'admin',
      bodyLimitBytes: options.bodyLimitBytes,
      handle: ({ body }) => {
        const request = parseRequest(bulkSchema, body);
        return { status: 200, body: admin.provision(request.users, request.accessTokenTtlSeconds) };
      },
    },
    {
      method: 'PATCH',
      path: '/api/admin/users/:userId',
      auth: 'admin',
      handle: ({ params, body }) => ({
        status: 200,
        body: admin.setDisabled(userIdParam(params), parseRequest(setDisabledBodySchema, body).disabled),
      }),
    },
    {
      method: 'POST',
      path: '/api/admin/users/:userId/revoke',
      auth: 'admin',
      handle: ({ params }) => ({ status: 200, body: admin.revoke(userIdParam(params)) }),
    },
    {
      method: 'POST',
      path: '/api/admin/kick',
      auth: 'admin',
      handle: ({ body }) => {
        const { userId, deviceId } = parseRequest(kickBodySchema, body);
        return { status: 200, body: admin.kick(userId, deviceId ?? null) };
      },
    },
  ];
}
