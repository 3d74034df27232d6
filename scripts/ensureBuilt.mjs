// Rebuilds the Node-side bundles when `dist/<output>` is missing or older than any source file,
// so `node bin/…` works right after `npm ci` without a manual build step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDirs = ['shared', 'server', 'electron'];

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of sourceDirs) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return newest;
}

export async function ensureBuilt(output) {
  const target = path.join(root, 'dist', output);
  const fresh = fs.existsSync(target) && fs.statSync(target).mtimeMs >= newestSource();
  if (fresh) return;
  const { buildNode } = await import('./build.mjs');
  await buildNode();
}
