import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_SCHEME, contentTypeFor, resolveAppPath } from './appUrl';
import { appContentSecurityPolicy } from './contentSecurityPolicy';

/**
 * Headers on every app:// response: the main process's CSP (the page's <meta> policy applies
 * as well; a header can also forbid framing) and no MIME sniffing.
 */
const responseHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': appContentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
};

/** Must run before `app` is ready: privileges are fixed when the browser process starts. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}

const status = (code: number): Response => new Response(null, { status: code, headers: responseHeaders });

/**
 * Answers one `app://` request from `rendererDir`. Only regular files inside that folder are
 * served (a directory would get Chromium's file listing); everything else is a 404.
 */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return status(405);
  const file = resolveAppPath(rendererDir, request.url);
  if (file === null || !(await isFile(file))) return status(404);
  const upstream = await net.fetch(pathToFileURL(file).href);
  if (!upstream.ok) return status(upstream.status === 404 ? 404 : 500);
  const headers = new Headers(responseHeaders);
  headers.set('Content-Type', contentTypeFor(file));
  if (request.method === 'HEAD') {
    await upstream.body?.cancel();
    return new Response(null, { status: 200, headers });
  }
  return new Response(upstream.body, { status: 200, headers });
}

/** Serves the production renderer build on `app://tidings/`. Call once, after `ready`. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
