import { z } from 'zod';
import {
  authResponseSchema,
  httpErrorSchema,
  userProfileSchema,
  type LoginRequestHttp,
  type RegisterRequest,
  type UserProfile,
} from '../../../shared/protocol';
import type { Timers } from '../deps/clock';
import { BadResponseError, HttpStatusError, ServerUnreachableError } from './httpErrors';
import { apiUrl } from './serverUrls';
import { ownProfileSchema, type OwnProfile, type ProfileChanges } from '../../../shared/ipc/channels/profile';

export type FetchLike = typeof fetch;

/**
 * Sign-in answers. `refreshToken` is optional here so the engine also works with a server that
 * issues none (then an expired token means signing in again).
 */
const signInSchema = authResponseSchema.extend({ refreshToken: z.string().min(1).optional() });
export type SignInResponse = z.infer<typeof signInSchema>;

const refreshSchema = z.object({ token: z.string().min(1), refreshToken: z.string().min(1).optional() });
export type RefreshResponse = z.infer<typeof refreshSchema>;

/** The server's HTTP API as the engine uses it. Every failure is one of the errors in httpErrors.ts. */
export type ApiClient = Readonly<{
  register(request: RegisterRequest): Promise<SignInResponse>;
  login(request: LoginRequestHttp): Promise<SignInResponse>;
  /** A new access token (and usually a new refresh token) for a refresh token. */
  refresh(refreshToken: string): Promise<RefreshResponse>;
  me(token: string): Promise<UserProfile>;
  /** The user's own profile in full (signature and avatar too). */
  ownProfile(token: string): Promise<OwnProfile>;
  updateProfile(token: string, changes: ProfileChanges): Promise<OwnProfile>;
  userByUsername(token: string, username: string): Promise<UserProfile>;
  userById(token: string, userId: string): Promise<UserProfile>;
}>;

export type ApiClientDeps = Readonly<{ fetch: FetchLike; timers: Timers; timeoutMs: number }>;

type Call = Readonly<{ method: 'GET' | 'POST' | 'PATCH'; path: string; token?: string; body?: unknown }>;

export function createApiClient(serverUrl: string, deps: ApiClientDeps): ApiClient {
  async function request<S extends z.ZodType>(call: Call, schema: S): Promise<z.infer<S>> {
    const controller = new AbortController();
    const timer = deps.timers.setTimeout(() => controller.abort(), deps.timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
    let response: Response;
    let text: string;
    try {
      response = await deps.fetch(apiUrl(serverUrl, call.path), {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      // fetch rejects only when there is no HTTP answer at all (or we aborted at the deadline).
      throw new ServerUnreachableError(`${call.method} ${call.path}: no answer from the server`, {
        cause: error,
      });
    } finally {
      deps.timers.clearTimeout(timer);
    }
    const json = parseJson(text);
    if (!response.ok) {
      const body = httpErrorSchema.safeParse(json);
      throw new HttpStatusError(
        response.status,
        body.success ? body.data.error.code : null,
        body.success ? body.data.error.message : `${call.method} ${call.path}: HTTP ${response.status}`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new BadResponseError(`${call.method} ${call.path}: unexpected response shape`);
    return parsed.data;
  }

  const user = (id: string): string => encodeURIComponent(id);
  return Object.freeze({
    register: (body: RegisterRequest) =>
      request({ method: 'POST', path: '/api/auth/register', body }, signInSchema),
    login: (body: LoginRequestHttp) =>
      request({ method: 'POST', path: '/api/auth/login', body }, signInSchema),
    refresh: (refreshToken: string) =>
      request({ method: 'POST', path: '/api/auth/refresh', body: { refreshToken } }, refreshSchema),
    me: (token: string) => request({ method: 'GET', path: '/api/me', token }, userProfileSchema),
    ownProfile: (token: string) => request({ method: 'GET', path: '/api/me', token }, ownProfileSchema),
    updateProfile: (token: string, changes: ProfileChanges) =>
      request({ method: 'PATCH', path: '/api/me', token, body: changes }, ownProfileSchema),
    userByUsername: (token: string, username: string) =>
      request({ method: 'GET', path: `/api/users/by-username/${user(username)}`, token }, userProfileSchema),
    userById: (token: string, userId: string) =>
      request({ method: 'GET', path: `/api/users/${user(userId)}`, token }, userProfileSchema),
  });
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
