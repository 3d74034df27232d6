/**
 * Cross-site WebSocket hijacking defence: a browser always sends `Origin` with a WebSocket
 * handshake, and a page on another site must not ride on the user's network position. Native
 * clients (the desktop engine, stock SDKs) send none and are allowed.
 */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  const normalised = normalise(origin);
  return normalised !== null && allowed.some((entry) => normalise(entry) === normalised);
}

/** scheme://host[:port] in lower case, default ports dropped; null for anything else (e.g. "null"). */
function normalise(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? null : url.origin.toLowerCase();
  } catch {
    return null;
  }
}
