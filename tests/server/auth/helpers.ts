import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ApiResponse } from '../helpers/api';

/** The admin token the tests configure; long enough for the server's rule. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export const authTokensSchema = z.strictObject({
  userId: z.string().regex(/^[1-9]\d*$/),
  token: z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/),
  refreshToken: z.string().regex(/^[\w-]{43}$/),
});
export type AuthTokens = z.infer<typeof authTokensSchema>;

export const profileSchema = z.strictObject({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  avatar: z.string().nullable(),
  signature: z.string(),
});

/** A JSON request with any method (PATCH included) and an optional bearer token. */
export async function call(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: Readonly<{ body?: unknown; rawBody?: string; token?: string; authorization?: string }> = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

export type Account = AuthTokens & Readonly<{ username: string; password: string }>;

/** Registers a fresh user with a unique name and returns its tokens and credentials. */
export async function registerAccount(baseUrl: string, prefix = 'user'): Promise<Account> {
  const username = `${prefix}_${randomBytes(4).toString('hex')}`;
  const password = 'correct horse';
  const response = await call(baseUrl, 'POST', '/api/auth/register', {
    body: { username, password, displayName: `${prefix} display` },
  });
  if (response.status !== 201)
    throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { ...authTokensSchema.parse(response.body), username, password };
}

export function errorCodeOf(response: ApiResponse): string | undefined {
  return (response.body as { error?: { code?: string } } | null)?.error?.code;
}
