/**
 * The security module: everything that decides what the page may load, reach and ask for.
 * - the window's `webPreferences` are written inline where the window is made (window/mainWindow.ts),
 *   so a reviewer and electronegativity see them in one place;
 * - the renderer is served from app://tidings with path containment (appProtocol, appUrl);
 * - a strict CSP on every response (contentSecurityPolicy);
 * - navigation blocked, new windows denied, links to the OS browser after parsing (webContents, externalUrl);
 * - only notifications and clipboard writes granted (permissions, session);
 * - every IPC message checked for its sender frame (sender) before the contract validates it;
 * - Electron fuses flipped at package time (`electronFuses` in electron-builder.yml).
 */
export { registerAppScheme, serveAppProtocol, serveAppRequest } from './appProtocol';
export { APP_ENTRY_URL, APP_ORIGIN, isAppUrl, resolveAppPath } from './appUrl';
export { appContentSecurityPolicy, withContentSecurityPolicy } from './contentSecurityPolicy';
export { isAllowedExternalUrl, toExternalUrl } from './externalUrl';
export { isPermissionGranted } from './permissions';
export { isTrustedSender } from './sender';
export { hardenSession } from './session';
export { hardenWebContents, openExternally } from './webContents';
