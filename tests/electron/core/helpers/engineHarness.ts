import { afterEach } from 'vitest';
import type {
  Channel,
  ConnectionState,
  Message,
  RequestOf,
  ResponseOf,
  Result,
} from '../../../../shared/ipc';
import {
  createEngineHost,
  type EngineEvent,
  type EngineHost,
  type EngineHostOptions,
} from '../../../../electron/core';
import { waitFor } from '../../../helpers/serverProcess';
import { createCaptureLogger } from './captureLogger';
import { createFakeFetch, type Route } from './fakeFetch';
import { createFakeTidingsServer, type FakeTidingsOptions } from './fakeTidingsServer';
import { useTempDirs } from './tempDirs';

export const SERVER = 'http://tidings.test:7700';
export const ME = 'u-alice';
export const PASSWORD = 'correct horse';

const profiles: Record<string, { userId: string; username: string; displayName: string }> = {
  'u-alice': { userId: 'u-alice', username: 'alice', displayName: 'Alice' },
  'u-bob': { userId: 'u-bob', username: 'bob', displayName: 'Bob' },
  'u-carol': { userId: 'u-carol', username: 'carol', displayName: 'Carol' },
};

/** The HTTP side of a fake Tidings server: sign-in, refresh and user lookups, with tokens it can expire. */
export function createFakeHttp() {
  const state = { token: 'tok-1', refreshToken: 'ref-1', generation: 1, refreshWorks: true };
  const issue = () => {
    state.generation += 1;
    state.token = `tok-${state.generation}`;
    state.refreshToken = `ref-${state.generation}`;
    return { userId: ME, token: state.token, refreshToken: state.refreshToken };
  };
  const route: Route = ({ method, path, body, auth }) => {
    const b = body as Record<string, string> | undefined;
    if (method === 'POST' && path === '/api/auth/login') {
      return b?.username === 'alice' && b.password === PASSWORD
        ? { status: 200, body: issue() }
        : { status: 401, body: { error: { code: 'invalid-credentials', message: 'wrong' } } };
    }
    if (method === 'POST' && path === '/api/auth/register') {
      return b?.username === 'bob'
        ? { status: 409, body: { error: { code: 'username-taken', message: 'taken' } } }
        : { status: 201, body: issue() };
    }
    if (method === 'POST' && path === '/api/auth/refresh') {
      if (!state.refreshWorks || b?.refreshToken !== state.refreshToken)
        return { status: 401, body: { error: { code: 'invalid-token', message: 'no' } } };
      const { token, refreshToken } = issue();
      return { status: 200, body: { token, refreshToken } };
    }
    if (auth !== `Bearer ${state.token}`)
      return { status: 401, body: { error: { code: 'unauthorized', message: 'no' } } };
    if (path === '/api/me') return { status: 200, body: profiles[ME] };
    const byName = /^\/api\/users\/by-username\/(.+)$/.exec(path);
    if (byName) {
      const found = Object.values(profiles).find((p) => p.username === byName[1]);
      return found
        ? { status: 200, body: found }
        : { status: 404, body: { error: { code: 'user-not-found', message: '?' } } };
    }
    const byId = /^\/api\/users\/(.+)$/.exec(path);
    if (byId) {
      const found = profiles[decodeURIComponent(byId[1] ?? '')];
      return found
        ? { status: 200, body: found }
        : { status: 404, body: { error: { code: 'user-not-found', message: '?' } } };
    }
    return undefined;
  };
  return {
    state,
    ...createFakeFetch(route),
    expireAccessToken: () => void (state.token = `expired-${state.token}`),
  };
}

const tempDir = useTempDirs('tidings-engine-');
const hosts: EngineHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

/** Fast timings: every wait in the engine is milliseconds, not seconds. */
export const fastTuning = {
  loginWaitMs: 2_000,
  retryIntervalMs: 50,
  basicRetryIntervalMs: 50,
  reconnectBaseMs: 10,
  reconnectCapMs: 50,
  helloTimeoutMs: 3_000,
  commandTimeoutMs: 10_000,
  backfillIntervalMs: 5,
  syncRetryMs: 50,
};

export type HarnessOptions = Readonly<{
  server?: FakeTidingsOptions;
  host?: Partial<EngineHostOptions>;
  dataDir?: string;
  /** Share a fake server (and HTTP) with another harness: a second device, or a restart. */
  shared?: Readonly<{
    server: ReturnType<typeof createFakeTidingsServer>;
    http: ReturnType<typeof createFakeHttp>;
  }>;
}>;

/** An engine host against the fake Tidings server, with its events recorded. */
export function createHarness(options: HarnessOptions = {}) {
  const server = options.shared?.server ?? createFakeTidingsServer(ME, options.server);
  const http = options.shared?.http ?? createFakeHttp();
  const logger = createCaptureLogger();
  const dataDir = options.dataDir ?? tempDir();
  const host = createEngineHost({
    dataDir,
    fetch: http.fetch,
    WebSocket: server.WebSocket,
    logger,
    ...options.host,
    tuning: { ...fastTuning, ...options.host?.tuning },
  });
  hosts.push(host);
  const events: EngineEvent[] = [];
  host.onEvent((e) => events.push(e));

  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await host.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value as ResponseOf<C>;
  }
  const raw = (channel: Channel, request: unknown): Promise<Result<unknown>> =>
    host.dispatch(channel, request);
  const messageEvents = (): Message[] =>
    events.flatMap((e) => (e.name === 'messages:changed' ? e.payload.messages : []));
  const states = (): ConnectionState[] =>
    events.flatMap((e) => (e.name === 'connection:changed' ? [e.payload] : []));

  return {
    host,
    server,
    http,
    logger,
    events,
    dataDir,
    call,
    raw,
    messageEvents,
    states,
    login: () => call('auth:login', { serverUrl: SERVER, username: 'alice', password: PASSWORD }),
    async waitForState(
      status: ConnectionState['status'],
      what = `connection ${status}`,
    ): Promise<ConnectionState> {
      return waitFor(
        async () => {
          const state = await call('connection:get', {});
          return state.status === status ? state : null;
        },
        { what, timeoutMs: 10_000 },
      );
    },
    /** Online, and the first sync after the hello has finished. */
    async waitForSynced(): Promise<void> {
      await waitFor(
        async () => {
          const [state, progress] = await Promise.all([call('connection:get', {}), call('sync:get', {})]);
          return state.status === 'online' && progress.lastSyncedAt !== null && progress.phase === 'idle';
        },
        { what: 'first sync', timeoutMs: 10_000 },
      );
    },
    async waitForMessage(predicate: (m: Message) => boolean, what = 'a message event'): Promise<Message> {
      return waitFor(() => messageEvents().find(predicate), { what, timeoutMs: 10_000 });
    },
    async close(): Promise<void> {
      await host.close();
    },
  };
}

export type Harness = ReturnType<typeof createHarness>;
