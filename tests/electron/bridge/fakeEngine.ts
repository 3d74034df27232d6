import type { EngineEvent, EngineHost } from '../../../electron/core/engineHost';
import { ok, type Result } from '../../../shared/ipc/errors';

export type FakeEngine = EngineHost &
  Readonly<{
    calls: ReadonlyArray<Readonly<{ channel: string; request: unknown }>>;
    emit(event: EngineEvent): void;
    listenerCount(): number;
  }>;

/** Stands in for the engine: the bridge is under test, so this just echoes what it was asked. */
export function fakeEngine(): FakeEngine {
  const calls: Array<{ channel: string; request: unknown }> = [];
  const listeners = new Set<(event: EngineEvent) => void>();
  return {
    calls,
    dispatch(channel: string, request: unknown): Promise<Result<unknown>> {
      calls.push({ channel, request });
      return Promise.resolve(ok({ echo: channel, request }));
    },
    notifySystem: () => {},
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {},
    emit: (event) => listeners.forEach((listener) => listener(event)),
    listenerCount: () => listeners.size,
  };
}
