import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, serverErrors } from '../errors';
import type { Logger } from '../log/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { AuthService } from '../services/authService';
import { adminTokenMatches } from './adminToken';
import { readJsonBody } from './body';
import { matchRoute, type Reply, type Route } from './router';

export type HttpHandlerDeps = Readonly<{
  routes: readonly Route[];
  auth: AuthService;
  /** Null: no admin API (its routes are not even registered). */
  adminToken: string | null;
  logger: Logger;
  metrics: ServerMetrics;
  bodyLimitBytes: number;
}>;

/** Access tokens are JWTs: base64url segments joined by dots. */
const BEARER = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/;

/** The node:http request listener: routing, auth, body parsing, error replies and request metrics. */
export function createHttpHandler(
  deps: HttpHandlerDeps,
): (request: IncomingMessage, response: ServerResponse) => void {
  const { routes, auth, logger, metrics, bodyLimitBytes } = deps;

  const handle = async (request: IncomingMessage, response: ServerResponse, matched: { route: string }) => {
    // Only the path matters; a dummy base keeps `new URL` from throwing on odd Host headers.
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = matchRoute(routes, request.method ?? '', url.pathname);
    if (match.kind === 'none') throw new AppError('not-found');
    if (match.kind === 'bad-path') throw new AppError('invalid-request', 'The URL is malformed.');
    if (match.kind === 'wrong-method') {
      response.setHeader('allow', match.allowed.join(', '));
      throw new AppError('method-not-allowed');
    }
    const { route, params } = match;
    matched.route = route.path;
    let userId: string | null = null;
    let sessionId: string | null = null;
    const header = request.headers.authorization ?? '';
    if (route.auth === 'admin') {
      if (deps.adminToken === null || !adminTokenMatches(header, deps.adminToken))
        throw new AppError('admin-unauthorized');
    } else if (route.auth === 'user' || (route.auth === 'optional-user' && header !== '')) {
      const bearer = BEARER.exec(header)?.[1];
      const checked = bearer === undefined ? null : await auth.authenticate(bearer);
      if (checked?.ok) ({ userId, sessionId } = checked);
      else if (route.auth === 'user') {
        if (checked?.reason === 'expired') throw new AppError('token-expired');
        if (checked?.reason === 'disabled') throw new AppError('user-disabled');
        throw new AppError('not-logged-in');
      }
    }
    const body =
      route.method === 'GET' || route.method === 'HEAD' || route.rawBody === true
        ? undefined
        : await readJsonBody(request, route.bodyLimitBytes ?? bodyLimitBytes);
    return route.handle({ request, response, params, query: url.searchParams, body, userId, sessionId });
  };

  return (request, response) => {
    const started = process.hrtime.bigint();
    const matched = { route: 'unmatched' };
    const finish = (reply: Reply): void => {
      send(response, reply);
      metrics.httpRequests.inc({
        method: request.method ?? '',
        route: matched.route,
        status: String(reply.status),
      });
      logger.debug('http request', {
        method: request.method,
        route: matched.route,
        status: reply.status,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    };
    handle(request, response, matched).then(finish, (error: unknown) => {
      if (error instanceof AppError) {
        // An unread oversized body would be parsed as the next request on this connection.
        if (error.code === 'payload-too-large') response.setHeader('connection', 'close');
        finish({ status: error.status, body: { error: { code: error.code, message: error.message } } });
        return;
      }
      logger.error('request failed', { method: request.method, route: matched.route, error });
      finish({ status: 500, body: { error: { code: 'internal', message: serverErrors.internal.message } } });
    });
  };
}

function send(response: ServerResponse, reply: Reply): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const [text, contentType] =
    'text' in reply
      ? [reply.text, reply.contentType]
      : [JSON.stringify(reply.body), 'application/json; charset=utf-8'];
  response.writeHead(reply.status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}
