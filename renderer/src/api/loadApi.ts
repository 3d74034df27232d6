import type { TidingsApi } from '../../../shared/ipc/api';

/**
 * Finds the API for this build. `import.meta.env.MODE` is replaced at build time, so in the
 * production (Electron) build the bridge branch is dead code and its module is never emitted.
 */
export async function loadApi(): Promise<TidingsApi> {
  if (import.meta.env.MODE === 'bridge') {
    const { connectBridgeApi } = await import('../bridge/connectBridgeApi');
    return connectBridgeApi(window.location);
  }
  if (!window.tidings)
    throw new Error('The Tidings API is missing: this page must run inside the Tidings app.');
  return window.tidings;
}
