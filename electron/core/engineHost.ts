import type { EventName, EventPayloadOf, Result } from '../../shared/ipc';
import type { Clock, Timers } from './deps/clock';
import type { Logger } from './deps/logger';
import type { WebSocketConstructor } from './deps/webSocket';
import type { FetchLike } from './http/apiClient';
import type { StoreIdentity } from './store/core/context';
import type { Store } from './store/store';
import type { EngineTuning } from './tuning';

/** One event from the engine to whichever host carries it to the renderer. */
export type EngineEvent = { [E in EventName]: Readonly<{ name: E; payload: EventPayloadOf<E> }> }[EventName];

/**
 * What a host (Electron main, the browser bridge, the CLI) needs from the engine: the handler
 * table behind one door that validates the channel and request against the contract and
 * never throws, plus the engine's events.
 */
export type EngineHost = Readonly<{
  dispatch(channel: string, request: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /**
   * What the operating system says (fed by the Electron glue; the CLI may poll): a network
   * that came back or a machine that resumed means "reconnect now", not after the backoff.
   */
  notifySystem(event: SystemEvent): void;
  /** Stops the connection and closes the store; resolves when everything is flushed. */
  close(): Promise<void>;
}>;

export type SystemEvent = 'online' | 'offline' | 'suspend' | 'resume';

/**
 * Credentials at rest (tokens), kept apart from the database: Electron's safeStorage in the
 * app, a 0600 file in the CLI's data dir. A value that can no longer be decrypted (the OS
 * keyring changed) reads as null, so the user signs in again; nothing else is lost.
 */
export type SecretStore = Readonly<{
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}>;

/**
 * Everything but `dataDir` is optional: hosts pass just the folder, tests inject the rest
 * (time, timers, randomness, network and storage) to make the engine deterministic.
 */
export type EngineHostOptions = Readonly<{
  /** Folder for this installation's data (one SQLite file per account lives below it). */
  dataDir: string;
  /** Path of a better-sqlite3 native module built for this runtime's ABI (Electron); see docs/ARCHITECTURE.md. */
  sqliteNativeBinding?: string;
  /** Default: Date.now. */
  clock?: Clock;
  /** Default: the global setTimeout/clearTimeout. */
  timers?: Timers;
  /** Default: JSON lines on stderr at warn and above. Never receives tokens, passwords or message bodies. */
  logger?: Logger;
  /** Default: the global fetch. */
  fetch?: FetchLike;
  /** Default: the `ws` package's client (no permessage-deflate, 64 KiB frames). */
  WebSocket?: WebSocketConstructor;
  /** Fresh fingerprints and device ids. Default: crypto.randomUUID. */
  generateId?: () => string;
  /** Uniform in [0, 1), for reconnect jitter. Default: Math.random. */
  random?: () => number;
  /**
   * Opens one account's store. Default: SQLite in a worker thread (`storeWorkerPath`) at
   * `<dataDir>/accounts/<account>/tidings.db`.
   */
  openStore?: (input: Readonly<{ file: string; identity: StoreIdentity }>) => Promise<Store>;
  /** The store worker's bundle. Default: found beside the host's bundle (store/worker/workerPath.ts). */
  storeWorkerPath?: string;
  tuning?: Partial<EngineTuning>;
  /** Where downloads are saved unless a request names a folder. Default: ~/Downloads. */
  downloadsDir?: string;
  /** Default: a 0600 JSON file in `dataDir` (the CLI's and the bridge's choice). */
  secretStore?: SecretStore;
  /**
   * The engine's own rotating log in `<dataDir>/logs` (info and above, never bodies or
   * secrets), beside `logger`. Default on; false turns it off.
   */
  logFile?: boolean | Readonly<{ maxBytes?: number; maxFiles?: number }>;
  /** Sign the stored account in again when the host starts. Default true. */
  autoRestore?: boolean;
}>;
