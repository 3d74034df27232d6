import { resolveEngineDeps } from './deps/engineDeps';
import type { EngineHost, EngineHostOptions } from './engineHost';
import { createEventHub } from './events/eventHub';
import { createApiClient } from './http/apiClient';
import { createDispatch } from './ipc/dispatch';
import { createHandlerTable } from './ipc/handlers';
import { createSettingsFile } from './persist/settingsFile';
import { createSessionManager } from './session/sessionManager';

/**
 * The engine behind one host. Creating a host is cheap and cannot fail: the only work it
 * starts is signing the stored account (if any) in again, in the background.
 */
export function createEngineHost(options: EngineHostOptions): EngineHost {
  const deps = resolveEngineDeps(options);
  const events = createEventHub(deps.logger);
  const apiFor = (serverUrl: string) =>
    createApiClient(serverUrl, {
      fetch: deps.fetch,
      timers: deps.timers,
      timeoutMs: deps.tuning.httpTimeoutMs,
    });
  const sessions = createSessionManager(deps, events, apiFor);
  const dispatch = createDispatch(
    createHandlerTable({
      deps,
      sessions,
      events,
      settings: createSettingsFile(deps.dataDir, deps.logger),
      apiFor,
    }),
    deps.logger,
  );
  if (deps.autoRestore) void sessions.restore();
  return Object.freeze({
    dispatch,
    onEvent: events.subscribe,
    notifySystem(event) {
      deps.logger.info('system.event', { event });
      sessions.current()?.systemEvent(event);
    },
    async close() {
      await sessions.close();
      await deps.flushLog();
    },
  });
}
