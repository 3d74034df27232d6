export { createEngineHost } from './createEngineHost';
export type { EngineEvent, EngineHost, EngineHostOptions, SecretStore, SystemEvent } from './engineHost';
export type { Clock, TimerHandle, Timers } from './deps/clock';
export { createStderrLogger, noopLogger, type LogFields, type Logger, type LogLevel } from './deps/logger';
export type {
  SocketCloseEvent,
  SocketMessageEvent,
  WebSocketConstructor,
  WebSocketLike,
} from './deps/webSocket';
export type { FetchLike } from './http/apiClient';
export type { OutboxEntry, Store } from './store/store';
export type { MessageIndexer, IndexableMessage } from './store/messageIndexer';
export type { StoreExtension } from './store/storeExtension';
export { StoreVersionError } from './store/migrate';
export { defaultTuning, type EngineTuning } from './tuning';
export { pageMayAsk } from './ipc/pageRequests';
