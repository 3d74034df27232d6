import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
const outDirs = { production: '', bridge: '' };

function readAll(dir: string, extension: string): string {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}

/** Builds both renderer modes into temporary folders, exactly as vite.config.ts defines them. */
beforeAll(async () => {
  const { build } = await import('vite');
  for (const mode of ['production', 'bridge'] as const) {
    outDirs[mode] = fs.mkdtempSync(path.join(os.tmpdir(), `tidings-renderer-${mode}-`));
    await build({
      configFile: path.join(repoRoot, 'vite.config.ts'),
      mode,
      logLevel: 'silent',
      build: { outDir: outDirs[mode], emptyOutDir: true, sourcemap: false },
    });
  }
});

afterAll(() => {
  for (const dir of Object.values(outDirs)) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('renderer builds', () => {
  it('leave the bridge (WebSocket) code out of the production build', () => {
    const js = readAll(outDirs.production, '.js');
    expect(js.length).toBeGreaterThan(1000);
    expect(js).not.toContain('WebSocket');
    expect(js).not.toContain('bridge host');
  });

  it('include the bridge code in the bridge build', () => {
    expect(readAll(outDirs.bridge, '.js')).toContain('WebSocket');
  });

  it('give production a CSP that allows no connections, and the bridge only loopback WebSockets', () => {
    const csp = (html: string): string =>
      /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'") ??
      '';
    const production = csp(fs.readFileSync(path.join(outDirs.production, 'index.html'), 'utf8'));
    const bridge = csp(fs.readFileSync(path.join(outDirs.bridge, 'index.html'), 'utf8'));

    expect(production).toContain("script-src 'self'");
    expect(production).toContain("connect-src 'none'");
    expect(production).not.toContain('unsafe-inline');
    expect(bridge).toContain("connect-src 'self' ws://127.0.0.1:*");
    expect(bridge).not.toContain('unsafe-inline');
  });
});
