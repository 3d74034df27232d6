#!/usr/bin/env node
// Builds the engine benchmark (TypeScript) with esbuild into a temporary folder and runs it.
// Usage: node bench/engine/run.mjs [--messages 1000000] [--configs bigram,unigram] [--queries 200] …
// Benchmarks are never tests: nothing here runs in `npm test`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-bench-build-'));
const sources = {
  main: 'bench/engine/main.ts',
  lagWorker: 'bench/engine/lag/lagWorker.ts',
  engineOpen: 'bench/engine/engineOpen.ts',
  ftsCost: 'bench/engine/ftsCost.ts',
  storeWorker: 'electron/core/store/worker/storeWorker.ts',
};
const engineOpen = process.argv[2] === '--engine-open';
const ftsCost = process.argv[2] === '--fts-cost';
const entries = engineOpen ? ['engineOpen', 'storeWorker'] : ftsCost ? ['ftsCost'] : ['main', 'lagWorker'];

/**
 * The store worker as the app will bundle it once search is registered in its extension list
 * (electron/core/store/worker/extensions.ts): the search extension brings migration 10, which
 * the benchmark's databases carry.
 */
const withSearchExtension = {
  name: 'search-extension',
  setup(b) {
    b.onLoad({ filter: /electron[\\/]core[\\/]store[\\/]worker[\\/]extensions\.ts$/ }, () => ({
      loader: 'ts',
      resolveDir: path.join(root, 'electron/core/store/worker'),
      contents:
        "import { createSearchExtension } from '../../search/worker/searchExtension';\n" +
        'export const storeExtensions = [createSearchExtension()];\n',
    }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(entries.map((name) => [name, sources[name]])),
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Dependencies load from the checkout's node_modules, as the engine's own bundles do.
  packages: 'external',
  logLevel: 'warning',
  plugins: engineOpen ? [withSearchExtension] : [],
  banner: {
    js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
  },
});
// The bundle lives outside the checkout: let it resolve packages from the checkout.
fs.symlinkSync(path.join(root, 'node_modules'), path.join(outdir, 'node_modules'), 'dir');

const entry = path.join(outdir, `${entries[0]}.mjs`);
const args = engineOpen || ftsCost ? process.argv.slice(3) : process.argv.slice(2);
// Extra Node flags for the benchmark process itself, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof".
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const run = spawnSync(process.execPath, ['--max-old-space-size=6144', ...nodeArgs, entry, ...args], {
  cwd: root,
  stdio: 'inherit',
});
fs.rmSync(outdir, { recursive: true, force: true });
process.exit(run.status ?? 1);
