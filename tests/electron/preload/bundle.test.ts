import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

describe('preload bundle', () => {
  // A sandboxed preload gets a require() that knows only a few modules; anything else the
  // bundle still requires would throw at startup, after every unit test passed.
  // https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts
  it('requires nothing but electron at run time', async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['electron/preload/preload.ts'],
      bundle: true,
      write: false,
      platform: 'node',
      target: 'chrome130',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const required = new Set(
      [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]),
    );
    expect([...required]).toEqual(['electron']);
    expect(code).not.toMatch(/\brequire\(\s*[^"'`\s)]/);
  });
});
