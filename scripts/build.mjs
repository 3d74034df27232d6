#!/usr/bin/env node
// Builds every Node-side entry (server, CLI, bridge host, Electron main and preload) with esbuild,
// and the renderer with Vite. `--node-only` skips the renderer (tests and the server need only that).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeOnly = process.argv.includes('--node-only');

/** Entries run by plain Node: dependencies stay in node_modules. */
const nodeEntries = [
  { in: 'server/main.ts', out: 'server/main' },
  { in: 'electron/cli/main.ts', out: 'cli/main' },
  { in: 'electron/bridge/main.ts', out: 'bridge/main' },
  { in: 'server/admin-cli/main.ts', out: 'admin-cli/main' },
  // The engine's SQLite store runs in this worker thread; the hosts find it beside their folder.
  { in: 'electron/core/store/worker/storeWorker.ts', out: 'storeWorker' },
];

export async function buildNode() {
  const existing = await import('node:fs').then((fs) =>
    nodeEntries.filter((e) => fs.existsSync(path.join(root, e.in))),
  );
  const result = await build({
    absWorkingDir: root,
    entryPoints: existing,
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __tidingsCreateRequire } from 'node:module'; const require = __tidingsCreateRequire(import.meta.url);",
    },
    write: false,
  });
  await writeAtomically(result.outputFiles);
}

/**
 * Several test runs may build at once (and start `node dist/...` meanwhile): each output is
 * written beside its target and renamed over it, so nobody ever loads a half-written bundle.
 */
async function writeAtomically(outputFiles) {
  const fs = await import('node:fs/promises');
  for (const file of outputFiles) {
    await fs.mkdir(path.dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temporary, file.contents);
    await fs.rename(temporary, file.path);
  }
}

/** Electron's main process loads CommonJS; the sandboxed preload may require only 'electron'. */
export async function buildElectron() {
  const fs = await import('node:fs');
  if (!fs.existsSync(path.join(root, 'electron/main/main.ts'))) return;
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'electron/main/main.ts', storeWorker: 'electron/core/store/worker/storeWorker.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    // The engine locates files beside its bundle through import.meta.url, which CommonJS lacks.
    define: { 'import.meta.url': '__tidingsImportMetaUrl' },
    banner: { js: "const __tidingsImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({
    absWorkingDir: root,
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'chrome130',
    format: 'cjs',
    external: ['electron'],
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
  });
}

export async function buildRenderer(mode = 'production') {
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    configFile: path.join(root, 'vite.config.ts'),
    mode,
    logLevel: 'warn',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildNode();
  if (!nodeOnly) {
    await buildElectron();
    await buildRenderer('production');
    await buildRenderer('bridge');
  }
}
