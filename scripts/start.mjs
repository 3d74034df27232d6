#!/usr/bin/env node
// npm start: build everything, make sure a local Tidings server runs, then launch the desktop app.
//
// One native module, two runtimes. better-sqlite3 is a native addon, and a .node file is built
// for one ABI: Node's (server, CLI, bridge, tests) or Electron's (the desktop engine). `npm install`
// builds it for Node in node_modules, and nothing ever rebuilds that copy in place (that is what
// broke tests after `electron-builder install-app-deps`). For development, this script builds an
// Electron copy once per Electron/better-sqlite3 version with @electron/rebuild's API into
// `.native-electron/<electron version>/better-sqlite3-<version>-<platform>-<arch>/better_sqlite3.node`
// (scripts/electronNative.mjs; git-ignored) and passes its path in TIDINGS_SQLITE_BINDING.
// The main process (electron/main/engineOptions.ts) hands that path to the engine, which opens
// better-sqlite3 with `{ nativeBinding }`; it ignores the variable in a packaged app. Packaged
// apps need none of this: electron-builder rebuilds production native modules for Electron
// (`npmRebuild: true`) and unpacks `*.node` from the asar (`asarUnpack`), so the default binding
// is already the right one. That rebuild happens in node_modules, so run `npm rebuild
// better-sqlite3` after packaging on a development machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildElectron, buildNode, buildRenderer } from './build.mjs';
import { SQLITE_BINDING_ENV, ensureElectronSqliteBinding } from './electronNative.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SERVER_HOST = '127.0.0.1';
const SERVER_PORT = 7700;
const HEALTH_URL = `http://${SERVER_HOST}:${SERVER_PORT}/healthz`;

const say = (message) => process.stdout.write(`[start] ${message}\n`);

async function serverAnswers() {
  try {
    const response = await fetch(HEALTH_URL, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Prefixes a child's output lines, so the server's log stays readable next to Electron's. */
function prefixLines(stream, prefix, out) {
  readline.createInterface({ input: stream }).on('line', (line) => out.write(`${prefix} ${line}\n`));
}

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

async function stopProcess(child) {
  if (hasExited(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Starts the server unless one already answers; returns the child we own, or null. */
async function ensureServer() {
  if (await serverAnswers()) {
    say(`using the Tidings server already answering on ${HEALTH_URL}`);
    return null;
  }
  const dataDir = path.join(root, 'data', 'server');
  fs.mkdirSync(dataDir, { recursive: true });
  say(
    `starting a Tidings server on http://${SERVER_HOST}:${SERVER_PORT} (data in ${path.relative(root, dataDir)})`,
  );
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'bin', 'tidings-server.mjs'),
      '--host',
      SERVER_HOST,
      '--port',
      String(SERVER_PORT),
      '--data-dir',
      dataDir,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  prefixLines(child.stdout, '[server]', process.stdout);
  prefixLines(child.stderr, '[server]', process.stderr);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (hasExited(child))
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before answering on ${HEALTH_URL}`,
      );
    if (await serverAnswers()) return child;
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`the server did not answer on ${HEALTH_URL} within 30 s`);
    }
    await sleep(200);
  }
}

/**
 * The Electron executable, or null. `require('electron')` from Node returns its path; the
 * installed Electron fetches its binary on first use (node_modules/electron/index.js), so this
 * may try a download and throw.
 */
function electronExecutable() {
  try {
    const executable = require('electron');
    return typeof executable === 'string' && fs.existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

function launchElectron(executable, binding) {
  const env = { ...process.env, [SQLITE_BINDING_ENV]: binding };
  // Set by some terminals (VS Code's); it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  return spawn(executable, [root], { cwd: root, stdio: 'inherit', env });
}

async function main() {
  say('building');
  await buildNode();
  await buildElectron();
  await buildRenderer('production');

  const server = await ensureServer();
  // Last resort if this script dies on an uncaught error: never leave our server running.
  process.on('exit', () => {
    if (server !== null && !hasExited(server)) server.kill('SIGKILL');
  });
  const fail = async (message) => {
    process.stderr.write(`[start] ${message}\n`);
    if (server !== null) await stopProcess(server);
    process.exit(1);
  };

  const executable = electronExecutable();
  if (executable === null) {
    return fail(
      "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?) — run `npx install-electron` " +
        '(`npm rebuild electron` on Electron versions with a postinstall download) with network access, ' +
        'then `npm start` again.',
    );
  }
  const { version: electronVersion } = JSON.parse(
    fs.readFileSync(require.resolve('electron/package.json'), 'utf8'),
  );

  let binding;
  try {
    binding = await ensureElectronSqliteBinding({ root, electronVersion, log: say });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }

  say(`launching Electron ${electronVersion}`);
  const app = launchElectron(executable, binding);
  // Ctrl+C reaches every process in the terminal's group: Electron quits through its own
  // handler; this script only waits for it and then stops the server. A SIGTERM sent to this
  // script alone is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => app.kill('SIGTERM'));
  const code = await new Promise((resolve) => {
    app.once('error', (error) => {
      process.stderr.write(`[start] could not launch Electron: ${error.message}\n`);
      resolve(1);
    });
    app.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  if (server !== null) await stopProcess(server);
  process.exit(code);
}

await main();
