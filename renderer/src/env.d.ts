/// <reference types="vite/client" />
import type { TidingsApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser bridge build, which builds its own. */
    readonly tidings?: TidingsApi;
  }
}

export {};
