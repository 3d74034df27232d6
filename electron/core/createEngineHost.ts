import { resolveEngineDeps } from './deps/engineDeps';
import type { EngineHost, EngineHostOptions } from './engineHost';
import { createEventHub } from './events/eventHub';
import { createApiClient } from './http/apiClient';
import { createDispatch } from './ipc/dispatch';
import { createHandlerTable } from './ipc/handlers';
import { createSessionManager } from './session/sessionManager';

/**
 * The engine behind one host. Nothing touches the network or the disk until a sign-in:
 * creating a host is cheap and cannot fail.
 */
export function createEngineHost(options: EngineHostOptions): EngineHost {
  const deps = resolveEngineDeps(options);
  const events = createEventHub(deps.logger);
  const sessions = createSessionManager(deps, events);
  const dispatch = createDispatch(
    createHandlerTable({
      deps,
      sessions,
      apiFor: (serverUrl) =>
        createApiClient(serverUrl, {
          fetch: deps.fetch,
          timers: deps.timers,
          timeoutMs: deps.tuning.httpTimeoutMs,
        }),
    }),
    deps.logger,
  );
  return Object.freeze({
    dispatch,
    onEvent: events.subscribe,
    notifySystem(event) {
      if (event === 'online' || event === 'resume') sessions.current()?.reconnectNow();
    },
    close: () => sessions.close(),
  });
}
