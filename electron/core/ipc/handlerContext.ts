import type { EngineDeps } from '../deps/engineDeps';
import type { EventHub } from '../events/eventHub';
import type { ApiClient } from '../http/apiClient';
import type { SettingsFile } from '../persist/settingsFile';
import type { SessionManager } from '../session/sessionManager';

/** What every handler file may use. */
export type HandlerContext = Readonly<{
  deps: EngineDeps;
  sessions: SessionManager;
  events: EventHub;
  settings: SettingsFile;
  /** The HTTP client for a server the user named (sign-in happens before there is a session). */
  apiFor(serverUrl: string): ApiClient;
}>;
