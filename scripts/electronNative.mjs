// Builds better-sqlite3 for Electron's ABI into its own folder, leaving the Node build in
// node_modules alone (see the comment at the top of scripts/start.mjs for the whole mechanism).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** The variable the Electron main process reads (electron/main/engineOptions.ts). */
export const SQLITE_BINDING_ENV = 'TIDINGS_SQLITE_BINDING';

const MODULE = 'better-sqlite3';

/**
 * Where the Electron build lives. Keyed by everything that changes the binary, so upgrading
 * Electron or better-sqlite3, or sharing the checkout between machines, never reuses a stale one.
 */
export function electronBindingPath({
  root,
  electronVersion,
  moduleVersion,
  platform = process.platform,
  arch = process.arch,
}) {
  return path.join(
    root,
    '.native-electron',
    electronVersion,
    `${MODULE}-${moduleVersion}-${platform}-${arch}`,
    'better_sqlite3.node',
  );
}

function installedModule(root) {
  const require = createRequire(path.join(root, 'package.json'));
  const manifest = require.resolve(`${MODULE}/package.json`);
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  return { dir: path.dirname(manifest), version };
}

/**
 * Returns the path of better_sqlite3.node built for `electronVersion`, building it on first use:
 * the module's sources are copied into a scratch project (without their Node `build/`), and
 * @electron/rebuild's API rebuilds that copy — it downloads the matching prebuilt binary, or
 * compiles with node-gyp against Electron's headers. The result is moved into place atomically.
 */
export async function ensureElectronSqliteBinding({ root, electronVersion, log = () => {} }) {
  const module = installedModule(root);
  const binding = electronBindingPath({ root, electronVersion, moduleVersion: module.version });
  if (fs.existsSync(binding)) return binding;

  const stage = path.join(path.dirname(binding), `stage-${process.pid}`);
  fs.rmSync(stage, { recursive: true, force: true });
  const copy = path.join(stage, 'node_modules', MODULE);
  fs.mkdirSync(copy, { recursive: true });
  fs.writeFileSync(
    path.join(stage, 'package.json'),
    JSON.stringify({
      name: 'tidings-native-stage',
      private: true,
      dependencies: { [MODULE]: module.version },
    }),
  );
  // Leaving out build/ means a rebuild that silently did nothing cannot hand back the Node binary.
  fs.cpSync(module.dir, copy, {
    recursive: true,
    filter: (source) => path.relative(module.dir, source).split(path.sep)[0] !== 'build',
  });

  log(`building ${MODULE} ${module.version} for Electron ${electronVersion} (first run only)`);
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({
      buildPath: stage,
      // Stops the module search at the scratch project, so node_modules of the repo is never touched.
      projectRootPath: stage,
      electronVersion,
      arch: process.arch,
      onlyModules: [MODULE],
      force: true,
      mode: 'sequential',
    });
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!fs.existsSync(built)) throw new Error(`the rebuild produced no ${path.relative(root, built)}`);
    const partial = `${binding}.${process.pid}.partial`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, binding);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `could not build ${MODULE} for Electron ${electronVersion}: ${reason}\n` +
        'This needs network access (a prebuilt binary from GitHub, or Electron headers from electronjs.org)\n' +
        'or, for node-gyp, Python and a C++ toolchain. Delete .native-electron/ to retry from scratch.',
      { cause: error },
    );
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  return binding;
}
