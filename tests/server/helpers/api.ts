import { randomBytes } from 'node:crypto';

export type ApiResponse = Readonly<{ status: number; body: unknown }>;

/** A JSON request against the server's HTTP API. */
export async function api(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: Readonly<{ body?: unknown; rawBody?: string; token?: string }> = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

export type TestUser = Readonly<{ userId: string; token: string; username: string; password: string }>;

/** Registers a fresh user with a unique name. */
export async function registerUser(baseUrl: string, prefix = 'user'): Promise<TestUser> {
  const username = `${prefix}_${randomBytes(4).toString('hex')}`;
  const password = 'correct horse';
  const response = await api(baseUrl, 'POST', '/api/auth/register', {
    body: { username, password, displayName: `${prefix} display` },
  });
  if (response.status !== 201)
    throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  const { userId, token } = response.body as { userId: string; token: string };
  return { userId, token, username, password };
}

export function errorCode(response: ApiResponse): string | undefined {
  const body = response.body as { error?: { code?: string } } | null;
  return body?.error?.code;
}
