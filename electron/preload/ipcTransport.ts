import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { IpcTransport } from '../../shared/ipc/api';

/** The three ipcRenderer methods the transport uses, so tests can pass a fake. */
export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * Carries the contract over Electron IPC. It stays inside the preload: the page only ever sees
 * the named functions `createTidingsApi` builds on top, never a generic invoke or the event
 * object (whose `sender` would be ipcRenderer itself).
 * https://www.electronjs.org/docs/latest/tutorial/context-isolation#security-considerations
 */
export function createIpcTransport(ipc: IpcRendererLike): IpcTransport {
  return Object.freeze({
    invoke: (channel, request) => ipc.invoke(channel, request) as Promise<unknown>,
    subscribe: (event, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipc.on(event, handler);
      return () => {
        ipc.removeListener(event, handler);
      };
    },
  });
}
