export { createEngineHost } from './createEngineHost';
export type { EngineEvent, EngineHost, EngineHostOptions } from './engineHost';
export type { Clock, TimerHandle, Timers } from './deps/clock';
export { createStderrLogger, noopLogger, type LogFields, type Logger, type LogLevel } from './deps/logger';
export type {
  SocketCloseEvent,
  SocketMessageEvent,
  WebSocketConstructor,
  WebSocketLike,
} from './deps/webSocket';
export type { FetchLike } from './http/apiClient';
export type { ApplyOutcome, OutboxEntry, Store } from './store/store';
export { StoreVersionError } from './store/migrate';
export { defaultTuning, type EngineTuning } from './tuning';
