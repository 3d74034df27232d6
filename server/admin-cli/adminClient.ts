import { httpErrorSchema } from '../../shared/protocol';
import type { AdminRequest } from './adminArgs';

/** A failure to show the operator in one line (exit code 1). */
export class AdminCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminCommandError';
  }
}

export type Fetch = typeof fetch;

/** Sends one admin request; resolves to the JSON answer or throws AdminCommandError with a clear reason. */
export async function sendAdminRequest(
  server: string,
  token: string,
  request: AdminRequest,
  fetchImpl: Fetch = fetch,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(`${server}${request.path}`, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    throw new AdminCommandError(`cannot reach ${server}${reason ? `: ${reason}` : ''}`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    throw new AdminCommandError(`${server} answered ${response.status} with something that is not JSON`);
  }
  if (response.ok) return body;
  const error = httpErrorSchema.safeParse(body);
  const code = error.success ? error.data.error.code : null;
  if (response.status === 401) throw new AdminCommandError('admin token refused');
  // A server without an admin token has no admin API: every path there is an unknown endpoint.
  if (response.status === 404 && code === 'not-found')
    throw new AdminCommandError(`${server} has no admin API (it runs without an admin token)`);
  const message = error.success ? error.data.error.message : `HTTP ${response.status}`;
  throw new AdminCommandError(code ? `${message} (${code})` : message);
}
