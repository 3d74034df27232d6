#!/usr/bin/env node
// `npm run preview`: the real UI in a browser, against a local server, through the bridge host.
// Builds the Node bundles and the renderer's bridge build, starts a server (unless
// TIDINGS_SERVER_URL names one) and one bridge host, and prints the address to open.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode, buildRenderer } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children = [];
let stopping = false;

/**
 * Starts a child in its own process group, so Ctrl+C reaches it once, from us, as SIGTERM,
 * instead of twice (the terminal's SIGINT and ours). Resolves with `pattern`'s match on stdout.
 */
function start(name, args, pattern) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  const forward = (stream, out) => {
    stream.setEncoding('utf8');
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`[preview] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping.\n`);
    void stopAll(1);
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    const check = (chunk) => {
      seen += chunk;
      const match = pattern.exec(seen);
      if (match) {
        child.stdout.off('data', check);
        resolve(match);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', () => reject(new Error(`${name} exited before it was ready`)));
  });
}

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map(
        (child) =>
          new Promise((resolve) => {
            child.once('exit', resolve);
            child.kill('SIGTERM');
          }),
      ),
  );
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
// Last resort if we die some other way: children are detached, so take them down ourselves.
process.on('exit', () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

try {
  process.stdout.write('[preview] building…\n');
  await buildNode();
  await buildRenderer('bridge');

  let serverUrl = process.env.TIDINGS_SERVER_URL;
  if (!serverUrl) {
    const dataDir = path.join(root, 'data/preview-server');
    fs.mkdirSync(dataDir, { recursive: true });
    const port = process.env.TIDINGS_SERVER_PORT ?? '7700';
    const [, url] = await start(
      'server',
      ['bin/tidings-server.mjs', '--host', '127.0.0.1', '--port', port, '--data-dir', dataDir],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    );
    serverUrl = url;
  }

  const clientDir = path.join(root, 'data/preview-client');
  fs.mkdirSync(clientDir, { recursive: true });
  const [, pageUrl] = await start(
    'bridge',
    ['dist/bridge/main.mjs', '--data-dir', clientDir, '--port', process.env.TIDINGS_BRIDGE_PORT ?? '0'],
    /Tidings bridge listening on (\S+)/,
  );

  process.stdout.write(
    `\nTidings preview is running.\n` +
      `  Open:            ${pageUrl}\n` +
      `  Server address:  ${serverUrl}  (enter it on the sign-in screen)\n` +
      `Press Ctrl+C to stop.\n\n`,
  );
} catch (error) {
  process.stderr.write(`[preview] ${error instanceof Error ? error.message : String(error)}\n`);
  await stopAll(1);
}
