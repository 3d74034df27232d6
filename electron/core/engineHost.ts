import type { EventName, EventPayloadOf, Result } from '../../shared/ipc';

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
  /** Stops the connection and closes the store; resolves when everything is flushed. */
  close(): Promise<void>;
}>;

export type EngineHostOptions = Readonly<{
  /** Folder for this installation's data (one SQLite file per account lives below it). */
  dataDir: string;
}>;
