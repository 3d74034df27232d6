import { shell, type WebContents } from 'electron';
import { logError } from '../logging/log';
import { toExternalUrl } from './externalUrl';

/**
 * Hands a link to the OS browser or mail client. Only what `toExternalUrl` accepts (http,
 * https and mailto, parsed and normalized) ever reaches `shell.openExternal`.
 */
export function openExternally(raw: string): void {
  const url = toExternalUrl(raw);
  if (url === null) return;
  shell.openExternal(url).catch((error: unknown) => logError('open-external-failed', error));
}

/**
 * Applied to every WebContents the app creates (`web-contents-created`): the page never
 * navigates away from the app, never opens windows of its own, and never embeds <webview>.
 * Links the user clicks open in the system browser instead.
 * https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 * https://www.electronjs.org/docs/latest/tutorial/security#14-disable-or-limit-creation-of-new-windows
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternally(event.url);
  });
  // Subframes too: the app has none, so any navigating frame was injected.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
