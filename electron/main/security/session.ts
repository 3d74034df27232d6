import type { Session } from 'electron';
import { withContentSecurityPolicy } from './contentSecurityPolicy';
import { isPermissionGranted } from './permissions';

/**
 * Hardens the session the window lives in: only the permissions `permissions.ts` grants our
 * own origin, and the app's CSP on every response, whatever served it.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    withContentSecurityPolicy(details.responseHeaders ?? {}, callback);
  });
}
