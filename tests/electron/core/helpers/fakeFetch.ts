import type { FetchLike } from '../../../../electron/core/http/apiClient';

export type Route = (request: {
  method: string;
  path: string;
  body: unknown;
  auth: string | null;
}) => { status: number; body: unknown } | undefined;

/** A fetch that answers from a routing function, and records what it was asked. */
export function createFakeFetch(route: Route) {
  const calls: Array<{ method: string; path: string; body: unknown; auth: string | null }> = [];
  const fetch: FetchLike = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const headers = new Headers(init?.headers);
    const call = { method, path: url.pathname, body, auth: headers.get('authorization') };
    calls.push(call);
    const answer = route(call) ?? {
      status: 404,
      body: { error: { code: 'not-found', message: 'no route' } },
    };
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return { fetch, calls };
}
