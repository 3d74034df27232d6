import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  channelNames,
  fail,
  isShellChannel,
  type EventName,
  type Result,
  type ShellChannel,
} from '../../../shared/ipc';
import type { EngineHost } from '../../core';
import { pageMayAsk } from '../../core/ipc/pageRequests';
import { logError } from '../logging/log';
import { isAppUrl, isTrustedSender } from '../security';

/** The window whose top frame may talk to the engine; null while none is open. */
export type WindowSource = () => BrowserWindow | null;

export type ShellDispatch = (channel: ShellChannel, request: unknown) => Promise<Result<unknown>>;

function liveWindow(getWindow: WindowSource): BrowserWindow | null {
  const window = getWindow();
  return window !== null && !window.isDestroyed() ? window : null;
}

/**
 * One `ipcMain.handle` per contract channel. The sender is checked before anything else;
 * the request itself is validated by the door it goes through: `engine.dispatch` for the
 * engine's channels, the shell's dispatch for `update:*` and `app:*`.
 * Returns a function that removes the handlers.
 */
export function registerIpcHandlers(
  engine: EngineHost,
  getWindow: WindowSource,
  shell: ShellDispatch,
): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<unknown>> => {
      const window = liveWindow(getWindow);
      const trusted = isTrustedSender({
        senderFrame: event.senderFrame,
        sender: event.sender,
        expected: window?.webContents ?? null,
      });
      if (!trusted) return fail('forbidden-sender');
      if (!pageMayAsk(channel, request)) return fail('forbidden-sender');
      try {
        return isShellChannel(channel)
          ? await shell(channel, request)
          : await engine.dispatch(channel, request);
      } catch (error) {
        // Both doors promise never to throw; a bug there must still reach the page as a value.
        logError(`ipc-dispatch-threw:${channel}`, error);
        return fail('internal');
      }
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/** Sends an event to the window, but only while it shows our app: data never reaches a foreign page. */
export function sendToWindow(getWindow: WindowSource, name: EventName, payload: unknown): void {
  const contents = liveWindow(getWindow)?.webContents;
  if (contents === undefined || contents.isDestroyed() || !isAppUrl(contents.mainFrame.url)) return;
  contents.send(name, payload);
}

/** Sends each engine event to the window, on the event's own name. Returns the unsubscribe function. */
export function forwardEngineEvents(engine: EngineHost, getWindow: WindowSource): () => void {
  return engine.onEvent((event) => sendToWindow(getWindow, event.name, event.payload));
}
