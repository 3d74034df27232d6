import path from 'node:path';
import { parseArgs } from 'node:util';

export type BridgeArgs = Readonly<{
  dataDir: string;
  port: number;
  staticDir: string;
  /** Where the engine saves downloads; the engine's default (~/Downloads) when absent. */
  downloadsDir?: string;
}>;

export const usage =
  'Usage: node dist/bridge/main.mjs --data-dir DIR [--port N] [--static DIR] [--downloads-dir DIR]';

/**
 * Parses the bridge host's command line. Throws with a readable message on bad input.
 * `defaultStaticDir` is where the renderer's bridge build sits relative to this bundle.
 */
export function parseBridgeArgs(argv: readonly string[], defaultStaticDir: string): BridgeArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      static: { type: 'string' },
      'downloads-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('--data-dir is required');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be 0-65535, got "${values.port}"`);
  return {
    dataDir: path.resolve(dataDir),
    port,
    staticDir: path.resolve(values.static ?? defaultStaticDir),
    ...(values['downloads-dir'] ? { downloadsDir: path.resolve(values['downloads-dir']) } : {}),
  };
}
