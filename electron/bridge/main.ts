import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngineHost } from '../core';
import { parseBridgeArgs, usage, type BridgeArgs } from './args';
import { startBridgeServer } from './bridgeServer';

/** Beside this bundle (dist/bridge/main.mjs) sits the renderer's bridge build, dist/renderer-bridge. */
const defaultStaticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer-bridge');

function exitWith(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/**
 * The bridge host: one engine, its data in --data-dir, driven by the renderer in a browser.
 * A dev and test tool only (npm run preview, e2e tests); never packaged.
 */
async function main(): Promise<void> {
  let args: BridgeArgs;
  try {
    args = parseBridgeArgs(process.argv.slice(2), defaultStaticDir);
  } catch (error) {
    exitWith(2, `${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if (!fs.existsSync(path.join(args.staticDir, 'index.html'))) {
    exitWith(
      1,
      `No renderer build in ${args.staticDir}. Build it first: node scripts/build.mjs (or npm run preview).`,
    );
  }
  fs.mkdirSync(args.dataDir, { recursive: true });

  const engine = createEngineHost({
    dataDir: args.dataDir,
    ...(args.downloadsDir ? { downloadsDir: args.downloadsDir } : {}),
  });
  const bridge = await startBridgeServer({ engine, staticDir: args.staticDir, port: args.port });

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      await bridge.close();
      await engine.close();
    } catch (error) {
      exitWith(1, `bridge host: shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());

  // The one line scripts and tests wait for; the token in it is the key to this engine.
  process.stdout.write(`Tidings bridge listening on ${bridge.pageUrl}\n`);
}

main().catch((error: unknown) => {
  exitWith(1, `bridge host: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
