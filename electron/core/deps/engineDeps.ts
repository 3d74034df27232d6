import { randomUUID } from 'node:crypto';
import type { EngineHostOptions } from '../engineHost';
import type { FetchLike } from '../http/apiClient';
import { createSqliteStore } from '../store/sqliteStore';
import type { Store } from '../store/store';
import { defaultTuning, type EngineTuning } from '../tuning';
import { systemClock, systemTimers, type Clock, type Timers } from './clock';
import { createStderrLogger, type Logger } from './logger';
import { defaultWebSocket, type WebSocketConstructor } from './webSocket';

/** The engine's collaborators with every default filled in. */
export type EngineDeps = Readonly<{
  dataDir: string;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  fetch: FetchLike;
  WebSocket: WebSocketConstructor;
  generateId: () => string;
  random: () => number;
  openStore: (file: string) => Store;
  tuning: EngineTuning;
}>;

export function resolveEngineDeps(options: EngineHostOptions): EngineDeps {
  const clock = options.clock ?? systemClock;
  const binding = options.sqliteNativeBinding;
  return Object.freeze({
    dataDir: options.dataDir,
    clock,
    timers: options.timers ?? systemTimers,
    logger: options.logger ?? createStderrLogger('warn', () => clock.now()),
    // Late-bound so a test's or host's replacement of the global is honoured.
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    WebSocket: options.WebSocket ?? defaultWebSocket,
    generateId: options.generateId ?? (() => randomUUID()),
    random: options.random ?? Math.random,
    openStore:
      options.openStore ??
      ((file: string) => createSqliteStore(file, binding === undefined ? {} : { nativeBinding: binding })),
    tuning: Object.freeze({ ...defaultTuning, ...options.tuning }),
  });
}
