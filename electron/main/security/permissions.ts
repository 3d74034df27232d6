import { isAppUrl } from './appUrl';

/**
 * Web permissions our page may get, and only on our own origin: writing to the clipboard
 * (copying a message) and notifications. Reading the clipboard, media, geolocation, HID and
 * the rest are refused; pasting with the keyboard needs no permission.
 * https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
 */
const grantable: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications']);

export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return grantable.has(permission) && isAppUrl(requestingUrl);
}
