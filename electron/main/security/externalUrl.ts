/** Schemes the OS may open for us; everything else (javascript:, file:, smb:, custom handlers) is refused. */
const allowedProtocols: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** Longer URLs are not links a person clicked; Windows' shell also truncates past ~2k. */
const MAX_LENGTH = 8192;

/**
 * The normalized URL to hand to `shell.openExternal`, or null when it must not leave the app.
 * Passing the parser's `href` (not the raw string) means the OS opens exactly what we checked.
 * Userinfo is refused on web links because `https://bank.example@evil.example` is a phishing
 * classic and has no legitimate use in chat.
 * https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */
export function toExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!allowedProtocols.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && (url.hostname === '' || url.username !== '' || url.password !== '')) {
    return null;
  }
  return url.href;
}

export function isAllowedExternalUrl(raw: unknown): boolean {
  return toExternalUrl(raw) !== null;
}
