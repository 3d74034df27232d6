import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, tempDir } from '../../helpers/serverProcess';

/**
 * Builds the renderer's bridge mode into a folder of this test file's own. Other e2e files
 * rebuild the shared dist/renderer-bridge while they start, and a page loading from it at that
 * moment would get half a build; a private copy (served with the bridge's --static) cannot.
 */
export async function buildPrivateRenderer(): Promise<{ dir: string; remove(): void }> {
  const { build } = await import('vite');
  const dir = tempDir('tidings-renderer-');
  await build({
    configFile: path.join(repoRoot, 'vite.config.ts'),
    mode: 'bridge',
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true },
  });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
