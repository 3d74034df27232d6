import { describe, expect, it } from 'vitest';
import { createApiClient, type FetchLike } from '../../../../electron/core/http/apiClient';
import {
  BadResponseError,
  HttpStatusError,
  ServerUnreachableError,
} from '../../../../electron/core/http/httpErrors';
import { systemTimers } from '../../../../electron/core/deps/clock';
import { createFakeFetch } from '../helpers/fakeFetch';
import { createManualTime } from '../helpers/manualTime';

const client = (fetch: FetchLike) =>
  createApiClient('http://api.test/', { fetch, timers: systemTimers, timeoutMs: 5_000 });

describe('api client', () => {
  it('sends JSON with the bearer token and validates the answer', async () => {
    const http = createFakeFetch(({ path }) =>
      path === '/api/users/by-username/b%C3%B6b'
        ? { status: 200, body: { userId: '2', username: 'böb', displayName: 'Böb', extra: true } }
        : undefined,
    );
    expect(await client(http.fetch).userByUsername('tok', 'böb')).toEqual({
      userId: '2',
      username: 'böb',
      displayName: 'Böb',
    });
    expect(http.calls).toEqual([
      { method: 'GET', path: '/api/users/by-username/b%C3%B6b', body: undefined, auth: 'Bearer tok' },
    ]);
  });

  it('turns error statuses into HttpStatusError with the server’s code', async () => {
    const http = createFakeFetch(() => ({
      status: 409,
      body: { error: { code: 'username-taken', message: 'taken' } },
    }));
    const failure = await client(http.fetch)
      .register({ username: 'bob', password: 'secret1', displayName: 'Bob' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HttpStatusError);
    expect(failure).toMatchObject({ status: 409, code: 'username-taken' });
  });

  it('rejects a success with the wrong shape', async () => {
    const http = createFakeFetch(() => ({ status: 200, body: { userId: 1 } }));
    await expect(client(http.fetch).login({ username: 'a', password: 'b' })).rejects.toBeInstanceOf(
      BadResponseError,
    );
  });

  it('reports no answer (refused or past the deadline) as ServerUnreachableError', async () => {
    const refused: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    await expect(client(refused).me('t')).rejects.toBeInstanceOf(ServerUnreachableError);

    const time = createManualTime();
    const hanging: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const slow = createApiClient('http://api.test', { fetch: hanging, timers: time, timeoutMs: 1_000 }).me(
      't',
    );
    time.advance(1_000);
    await expect(slow).rejects.toBeInstanceOf(ServerUnreachableError);
  });
});
