import path from 'node:path';

/**
 * The renderer is served from `app://tidings/…` rather than `file://`: a standard, secure
 * scheme gives the page a real origin (so CSP 'self', fetch and module scripts behave as on
 * the web) and lets the main process decide exactly which files exist.
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tidings';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * Whether `raw` is a page of our app. Compared field by field: Node's URL reports the origin
 * of a non-special scheme as "null", so `url.origin === APP_ORIGIN` would never hold in tests.
 */
export function isAppUrl(raw: string): boolean {
  const url = parse(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** The path functions to resolve with; tests pass `path.win32` to cover Windows separators. */
export type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps an `app://tidings/…` request to a file inside `root`, or null when the URL is not ours
 * or would leave `root`. The URL parser already folds `..` and `%2e%2e` segments; what remains
 * dangerous after percent-decoding is an encoded separator (`..%2f`, `..%5c`), a drive letter or
 * a NUL byte, so the decoded result is checked for containment instead of pattern-matched.
 */
export function resolveAppPath(root: string, rawUrl: string, pathApi: PathApi = path): string | null {
  const url = parse(rawUrl);
  if (url === null || !isAppUrl(url.href)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.replace(/^[/\\]+/, '');
  const base = pathApi.resolve(root);
  const target = pathApi.resolve(base, relative === '' ? 'index.html' : relative);
  const inside = pathApi.relative(base, target);
  if (
    inside === '' ||
    inside === '..' ||
    inside.startsWith(`..${pathApi.sep}`) ||
    pathApi.isAbsolute(inside)
  ) {
    return null;
  }
  return target;
}

export { contentTypeFor } from '../../common/contentTypes';
