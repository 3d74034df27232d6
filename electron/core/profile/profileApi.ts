import { ownProfileSchema, type OwnProfile, type ProfileChanges } from '../../../shared/ipc/channels/profile';
import { httpErrorSchema } from '../../../shared/protocol';
import type { FetchLike } from '../http/apiClient';
import { BadResponseError, HttpStatusError, ServerUnreachableError } from '../http/httpErrors';
import { apiUrl } from '../http/serverUrls';

export type ProfileApi = Readonly<{
  get(token: string): Promise<OwnProfile>;
  update(token: string, changes: ProfileChanges): Promise<OwnProfile>;
}>;

/**
 * GET and PATCH /api/me with the full profile (avatar and signature), which the shared API
 * client's `me` leaves out. Failures are the same errors the API client throws.
 */
export function createProfileApi(serverUrl: string, fetch: FetchLike): ProfileApi {
  const call = async (method: 'GET' | 'PATCH', token: string, body?: ProfileChanges): Promise<OwnProfile> => {
    let response: Response;
    let text: string;
    try {
      response = await fetch(apiUrl(serverUrl, '/api/me'), {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      text = await response.text();
    } catch (error) {
      throw new ServerUnreachableError(`${method} /api/me: no answer from the server`, { cause: error });
    }
    const json = parseJson(text);
    if (!response.ok) {
      const failure = httpErrorSchema.safeParse(json);
      throw new HttpStatusError(
        response.status,
        failure.success ? failure.data.error.code : null,
        failure.success ? failure.data.error.message : `${method} /api/me: HTTP ${response.status}`,
      );
    }
    const parsed = ownProfileSchema.safeParse(json);
    if (!parsed.success) throw new BadResponseError(`${method} /api/me: unexpected response shape`);
    return parsed.data;
  };
  return Object.freeze({
    get: (token: string) => call('GET', token),
    update: (token: string, changes: ProfileChanges) => call('PATCH', token, changes),
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
