import { isAppUrl } from './appUrl';

/**
 * Web permissions our page may get. Copying a message needs the clipboard; notifications,
 * media, geolocation and the rest go through the main process or are not used at all.
 * https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
 */
const grantable: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return grantable.has(permission) && isAppUrl(requestingUrl);
}
