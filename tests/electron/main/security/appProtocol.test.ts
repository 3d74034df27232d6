import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn((_schemes: unknown) => {}), handle: vi.fn() },
  // Stands in for Electron's net.fetch of file: URLs.
  net: {
    fetch: vi.fn(async (url: string) => {
      const { readFile } = await import('node:fs/promises');
      const { fileURLToPath: toPath } = await import('node:url');
      return new Response(await readFile(toPath(url)));
    }),
  },
}));
vi.mock('electron', () => electron);

const { registerAppScheme, serveAppProtocol, serveAppRequest } =
  await import('../../../../electron/main/security/appProtocol');

let dir: string;
let rendererDir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-app-protocol-'));
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Tidings</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  electron.net.fetch.mockClear();
});

const get = (url: string, method = 'GET'): Promise<Response> =>
  serveAppRequest(rendererDir, new Request(url, { method }));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme and handles it', () => {
    registerAppScheme();
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0] ?? [];
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    serveAppProtocol(rendererDir);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves files of the renderer folder with their type and our headers', async () => {
    const page = await get('app://tidings/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Tidings</title>');

    const script = await get('app://tidings/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const fetched = electron.net.fetch.mock.calls.map(([url]) => fileURLToPath(url));
    expect(fetched).toEqual([
      path.join(rendererDir, 'index.html'),
      path.join(rendererDir, 'assets', 'app.js'),
    ]);
  });

  it('answers 404 to traversal, directories, missing files and other hosts, without reading', async () => {
    for (const url of [
      'app://tidings/..%2fsecret.txt',
      'app://tidings/assets/..%2f..%2fsecret.txt',
      'app://tidings/assets/',
      'app://tidings/missing.js',
      'app://other/index.html',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect(electron.net.fetch).not.toHaveBeenCalled();
  });

  it('allows only GET and HEAD', async () => {
    expect((await get('app://tidings/index.html', 'POST')).status).toBe(405);
    const head = await get('app://tidings/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });
});
