import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the store worker's bundle is. The worker is its own esbuild entry (scripts/build.mjs):
 * `dist/storeWorker.mjs` beside the Node bundles' folders (dist/cli, dist/bridge),
 * `dist/electron/storeWorker.cjs` beside the Electron main bundle; run from the TypeScript
 * sources (tests), the built `dist/storeWorker.mjs` of the checkout. `import.meta.url` is the
 * bundle's own file in a bundle (the Electron build defines it for CommonJS).
 */
export function defaultStoreWorkerPath(moduleUrl: string = import.meta.url): string {
  const here = path.dirname(fileURLToPath(moduleUrl));
  const candidates = [
    path.join(here, 'storeWorker.cjs'),
    path.join(here, 'storeWorker.mjs'),
    path.join(here, '..', 'storeWorker.mjs'),
    path.resolve(here, '../../../../dist/storeWorker.mjs'),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  if (found === undefined)
    throw new Error(
      `The store worker bundle is missing (looked in ${candidates.join(', ')}). Build it: node scripts/build.mjs --node-only`,
    );
  return found;
}
