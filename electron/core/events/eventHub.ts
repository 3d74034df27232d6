import type { Logger } from '../deps/logger';
import type { EngineEvent } from '../engineHost';

export type EventHub = Readonly<{
  emit(event: EngineEvent): void;
  subscribe(listener: (event: EngineEvent) => void): () => void;
}>;

/** Fans engine events out to the host's listeners; a failing listener never reaches the engine. */
export function createEventHub(logger: Logger): EventHub {
  const listeners = new Set<(event: EngineEvent) => void>();
  return Object.freeze({
    emit(event: EngineEvent) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          logger.error('events.listener-failed', { event: event.name, error: String(error) });
        }
      }
    },
    subscribe(listener: (event: EngineEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  });
}
