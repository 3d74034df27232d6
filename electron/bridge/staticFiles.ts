import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeFor } from '../common/contentTypes';

/** Headers on every answer: no sniffing, and no Referer, since the page URL carries the token. */
const commonHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
} as const;

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

/**
 * Maps a request target to a file under `root`, or null when it would leave it. The containment
 * check on the resolved path is what guards against `../`, `%2e%2e/` and `..%2f` alike.
 */
export function resolveInside(root: string, requestTarget: string): string | null {
  const rawPath = requestTarget.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const resolved = path.resolve(root, `.${path.posix.sep}${decoded}`);
  return isInside(root, resolved) ? resolved : null;
}

function answer(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

async function fileToServe(root: string, requestTarget: string): Promise<string | null> {
  const candidate = resolveInside(root, requestTarget);
  if (!candidate) return null;
  try {
    let target = candidate;
    if ((await fs.promises.stat(target)).isDirectory()) target = path.join(target, 'index.html');
    // Resolve symlinks too, so a link inside the build cannot point outside it.
    const real = await fs.promises.realpath(target);
    return isInside(root, real) && (await fs.promises.stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Serves a built renderer folder read-only: GET and HEAD only, nothing outside `rootDir`. */
export function createStaticHandler(rootDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const rootPromise = fs.promises.realpath(rootDir).catch(() => path.resolve(rootDir));

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return answer(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const file = await fileToServe(await rootPromise, req.url ?? '/');
    if (!file) return answer(res, 404, 'Not found');
    const { size } = await fs.promises.stat(file);
    res.writeHead(200, {
      ...commonHeaders,
      'Content-Type': contentTypeFor(file),
      'Content-Length': String(size),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  return (req, res) => {
    serve(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else answer(res, 500, 'Internal error');
    });
  };
}
