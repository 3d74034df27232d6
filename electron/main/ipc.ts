import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelNames, fail, type Result } from '../../shared/ipc';
import type { EngineHost } from '../core';
import { isAppUrl } from './appUrl';
import { logError } from './log';
import { isTrustedSender } from './sender';

/** The window whose top frame may talk to the engine; null while none is open. */
export type WindowSource = () => BrowserWindow | null;

function liveWindow(getWindow: WindowSource): BrowserWindow | null {
  const window = getWindow();
  return window !== null && !window.isDestroyed() ? window : null;
}

/**
 * One `ipcMain.handle` per contract channel. The sender is checked before anything else;
 * the request itself is validated by `engine.dispatch`, the single door into the engine.
 * Returns a function that removes the handlers.
 */
export function registerIpcHandlers(engine: EngineHost, getWindow: WindowSource): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<unknown>> => {
      const window = liveWindow(getWindow);
      const trusted = isTrustedSender({
        senderFrame: event.senderFrame,
        sender: event.sender,
        expected: window?.webContents ?? null,
      });
      if (!trusted) return fail('forbidden-sender');
      try {
        return await engine.dispatch(channel, request);
      } catch (error) {
        // dispatch promises never to throw; a bug there must still reach the page as a value.
        logError(`ipc-dispatch-threw:${channel}`, error);
        return fail('internal');
      }
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/**
 * Sends each engine event to the window, on the event's own name. Nothing is sent while the
 * window shows anything but our app, so message data never reaches a foreign page.
 * Returns the unsubscribe function.
 */
export function forwardEngineEvents(engine: EngineHost, getWindow: WindowSource): () => void {
  return engine.onEvent((event) => {
    const contents = liveWindow(getWindow)?.webContents;
    if (contents === undefined || contents.isDestroyed() || !isAppUrl(contents.mainFrame.url)) return;
    contents.send(event.name, event.payload);
  });
}
