import type { IncomingMessage, ServerResponse } from 'node:http';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone; a user with a valid access token; anyone, with the user
 * resolved when a valid token is sent; or the operator with the admin token.
 */
export type RouteAuth = 'none' | 'user' | 'optional-user' | 'admin';

export type RouteContext = Readonly<{
  request: IncomingMessage;
  /** For routes that write their own reply (file downloads, upload offsets in headers); then they return its status. */
  response: ServerResponse;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Parsed JSON body (POST and PATCH; undefined for an empty body or other methods). */
  body: unknown;
  /** The authenticated user; always set on `user` routes. */
  userId: string | null;
  /** The sign-in session of the access token; set whenever `userId` is. */
  sessionId: string | null;
}>;

export type Reply =
  | Readonly<{ status: number; body: unknown }>
  /** A non-JSON body (e.g. the Prometheus text format). */
  | Readonly<{ status: number; text: string; contentType: string }>;

export type Route = Readonly<{
  method: HttpMethod;
  /** Segments, with `:name` capturing one URL-decoded segment. */
  path: string;
  auth: RouteAuth;
  /** Overrides the server's body limit (the admin API's bulk requests are larger). */
  bodyLimitBytes?: number;
  /** The handler reads the request body itself as a stream (file uploads); no JSON parsing. */
  rawBody?: boolean;
  handle(context: RouteContext): Reply | Promise<Reply>;
}>;

export type RouteMatch =
  | Readonly<{ kind: 'found'; route: Route; params: Record<string, string> }>
  | Readonly<{ kind: 'wrong-method'; allowed: readonly HttpMethod[] }>
  | Readonly<{ kind: 'bad-path' }>
  | Readonly<{ kind: 'none' }>;

/** Matches a pathname against the routes; a malformed %-escape is `bad-path`, not an exception. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const segments = pathname.split('/').slice(1);
  const allowed: HttpMethod[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, segments);
    if (params === null) continue;
    if (params === 'bad') return { kind: 'bad-path' };
    if (route.method === method) return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
}

function matchPath(pattern: string, segments: readonly string[]): Record<string, string> | null | 'bad' {
  const parts = pattern.split('/').slice(1);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) {
      if (segment === '') return null;
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return 'bad';
      }
    } else if (part !== segment) return null;
  }
  return params;
}
