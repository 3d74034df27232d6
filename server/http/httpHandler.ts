import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, serverErrors } from '../errors';
import type { Logger } from '../log/logger';
import type { AuthService } from '../services/authService';
import { readJsonBody } from './body';
import { matchRoute, type Route } from './router';

export type HttpHandlerDeps = Readonly<{
  routes: readonly Route[];
  auth: AuthService;
  logger: Logger;
  bodyLimitBytes: number;
}>;

/** The node:http request listener: routing, auth, body parsing and error replies. */
export function createHttpHandler(
  deps: HttpHandlerDeps,
): (request: IncomingMessage, response: ServerResponse) => void {
  const { routes, auth, logger, bodyLimitBytes } = deps;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
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
    let userId: string | null = null;
    if (route.auth) {
      const header = request.headers.authorization ?? '';
      const bearer = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header)?.[1];
      userId = bearer ? auth.authenticate(bearer) : null;
      if (userId === null) throw new AppError('not-logged-in');
    }
    const body = route.method === 'POST' ? await readJsonBody(request, bodyLimitBytes) : undefined;
    const reply = await route.handle({ request, params, body, userId });
    send(response, reply.status, reply.body);
  };

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof AppError) {
        // An unread oversized body would be parsed as the next request on this connection.
        if (error.code === 'payload-too-large') response.setHeader('connection', 'close');
        send(response, error.status, { error: { code: error.code, message: error.message } });
        return;
      }
      logger.error('request failed', { method: request.method, path: request.url?.split('?')[0], error });
      send(response, 500, { error: { code: 'internal', message: serverErrors.internal.message } });
    });
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}
