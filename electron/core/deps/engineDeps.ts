import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { EngineHostOptions, SecretStore } from '../engineHost';
import type { FetchLike } from '../http/apiClient';
import { createFileSecretStore } from '../persist/fileSecretStore';
import type { StoreIdentity } from '../store/core/context';
import type { Store } from '../store/store';
import { openWorkerStore } from '../store/workerStore';
import { defaultStoreWorkerPath } from '../store/worker/workerPath';
import { defaultTuning, type EngineTuning } from '../tuning';
import { systemClock, systemTimers, type Clock, type Timers } from './clock';
import { createFileLogger, teeLogger, type FileLogger } from './fileLogger';
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
  openStore: (input: Readonly<{ file: string; identity: StoreIdentity }>) => Promise<Store>;
  secretStore: SecretStore;
  tuning: EngineTuning;
  downloadsDir: string;
  autoRestore: boolean;
  /** Waits until the engine's log file has everything logged so far. */
  flushLog(): Promise<void>;
}>;

export function resolveEngineDeps(options: EngineHostOptions): EngineDeps {
  const clock = options.clock ?? systemClock;
  const binding = options.sqliteNativeBinding;
  const hostLogger = options.logger ?? createStderrLogger('warn', () => clock.now());
  const fileLog = options.logFile ?? true;
  let file: FileLogger | null = null;
  if (fileLog !== false) {
    const limits = fileLog === true ? {} : fileLog;
    file = createFileLogger({ dir: path.join(options.dataDir, 'logs'), now: () => clock.now(), ...limits });
  }
  let workerPath = options.storeWorkerPath;
  return Object.freeze({
    dataDir: options.dataDir,
    clock,
    timers: options.timers ?? systemTimers,
    logger: file ? teeLogger(hostLogger, file) : hostLogger,
    // Late-bound so a test's or host's replacement of the global is honoured.
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    WebSocket: options.WebSocket ?? defaultWebSocket,
    generateId: options.generateId ?? (() => randomUUID()),
    random: options.random ?? Math.random,
    openStore:
      options.openStore ??
      ((input) => {
        workerPath ??= defaultStoreWorkerPath();
        return openWorkerStore({
          ...input,
          workerPath,
          ...(binding === undefined ? {} : { nativeBinding: binding }),
        });
      }),
    secretStore: options.secretStore ?? createFileSecretStore(options.dataDir),
    tuning: Object.freeze({ ...defaultTuning, ...options.tuning }),
    downloadsDir: options.downloadsDir ?? path.join(os.homedir(), 'Downloads'),
    autoRestore: options.autoRestore ?? true,
    flushLog: () => file?.flush() ?? Promise.resolve(),
  });
}
