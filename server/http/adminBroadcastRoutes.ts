import {
  createBroadcastRequestSchema,
  editBroadcastRequestSchema,
  whitelistEditRequestSchema,
  type ServerStats,
} from '../../shared/protocol';
import type { BroadcastAdmin } from '../broadcasts/broadcastAdmin';
import { AppError } from '../errors';
import type { Route } from './router';
import { parseRequest } from './validate';

const broadcastIdPattern = /^[1-9][0-9]{0,15}$/;

/**
 * The admin API's broadcasts and stats, under /api/admin/ behind the admin token. Like the
 * rest of the admin API, registered only when an admin token is configured.
 */
export function createAdminBroadcastRoutes(admin: BroadcastAdmin, stats: () => ServerStats): Route[] {
  const idParam = (params: Readonly<Record<string, string>>): string => {
    const id = params.id ?? '';
    if (!broadcastIdPattern.test(id)) throw new AppError('broadcast-not-found');
    return id;
  };
  const transition = (verb: 'prerelease' | 'publish' | 'stop' | 'recall'): Route => ({
    method: 'POST',
    path: `/api/admin/broadcasts/:id/${verb}`,
    auth: 'admin',
    handle: ({ params }) => ({ status: 200, body: admin[verb](idParam(params)) }),
  });
  return [
    {
      method: 'POST',
      path: '/api/admin/broadcasts',
      auth: 'admin',
      handle: ({ body }) => ({
        status: 201,
        body: admin.create(parseRequest(createBroadcastRequestSchema, body)),
      }),
    },
    {
      method: 'GET',
      path: '/api/admin/broadcasts',
      auth: 'admin',
      handle: () => ({ status: 200, body: { broadcasts: admin.list() } }),
    },
    {
      method: 'GET',
      path: '/api/admin/broadcasts/:id',
      auth: 'admin',
      handle: ({ params }) => ({ status: 200, body: admin.get(idParam(params)) }),
    },
    {
      method: 'PATCH',
      path: '/api/admin/broadcasts/:id',
      auth: 'admin',
      handle: ({ params, body }) => ({
        status: 200,
        body: admin.edit(idParam(params), parseRequest(editBroadcastRequestSchema, body)),
      }),
    },
    {
      method: 'POST',
      path: '/api/admin/broadcasts/:id/whitelist',
      auth: 'admin',
      handle: ({ params, body }) => ({
        status: 200,
        body: admin.editWhitelist(idParam(params), parseRequest(whitelistEditRequestSchema, body)),
      }),
    },
    transition('prerelease'),
    transition('publish'),
    transition('stop'),
    transition('recall'),
    {
      method: 'GET',
      path: '/api/admin/stats',
      auth: 'admin',
      handle: () => ({ status: 200, body: stats() }),
    },
  ];
}
