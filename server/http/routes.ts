import type { ServerMetrics } from '../observability/metrics';
import type { AdminService } from '../services/adminService';
import type { AuthService } from '../services/authService';
import type { FileService } from '../files/fileService';
import type { Logger } from '../log/logger';
import type { UserService } from '../services/userService';
import { createAdminRoutes, type AdminRouteOptions } from './adminRoutes';
import { createAuthRoutes } from './authRoutes';
import { createFileRoutes } from './fileRoutes';
import { createOpsRoutes } from './opsRoutes';
import type { Route } from './router';
import { createUserRoutes } from './userRoutes';

export type RoutesDeps = Readonly<{
  auth: AuthService;
  users: UserService;
  metrics: ServerMetrics;
  files: Readonly<{ service: FileService; logger: Logger }>;
  /** Null when no admin token is configured: then /api/admin/* answers 404 like any unknown path. */
  admin: Readonly<{ service: AdminService; options: AdminRouteOptions }> | null;
}>;

/** Every HTTP endpoint. Handlers validate, call one service, and shape the reply; nothing else. */
export function createRoutes(deps: RoutesDeps): Route[] {
  return [
    ...createOpsRoutes(deps.metrics),
    ...createAuthRoutes(deps.auth),
    ...createUserRoutes(deps.users),
    ...createFileRoutes(deps.files.service, deps.files.logger),
    ...(deps.admin ? createAdminRoutes(deps.admin.service, deps.admin.options) : []),
  ];
}
