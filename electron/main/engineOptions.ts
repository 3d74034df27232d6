import path from 'node:path';
import type { EngineHostOptions } from '../core';

/** Set by `npm start` (scripts/start.mjs) to the Electron-ABI build of better-sqlite3. */
export const SQLITE_BINDING_ENV = 'TIDINGS_SQLITE_BINDING';

/**
 * What the desktop host sets: the data folder, and in development the better-sqlite3 binding
 * to load instead of the default `build/Release/better_sqlite3.node`. The rest keeps the
 * engine's defaults.
 */
export type DesktopEngineOptions = Pick<EngineHostOptions, 'dataDir' | 'sqliteNativeBinding'>;

export type DesktopEngineInput = Readonly<{
  /** `app.getPath('userData')`. */
  userDataDir: string;
  /** `app.isPackaged`. */
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}>;

/**
 * The engine's options for this run. In development node_modules holds better-sqlite3 built
 * for Node (tests, CLI, server), so the Electron build is passed in by path. A packaged app
 * ignores the variable: electron-builder rebuilt the default binding for Electron, and a
 * variable that makes the app load arbitrary native code has no business in production.
 */
export function desktopEngineOptions({
  userDataDir,
  isPackaged,
  env,
}: DesktopEngineInput): DesktopEngineOptions {
  const dataDir = path.join(userDataDir, 'data');
  const binding = env[SQLITE_BINDING_ENV]?.trim();
  if (isPackaged || binding === undefined || binding === '' || !path.isAbsolute(binding)) return { dataDir };
  return { dataDir, sqliteNativeBinding: binding };
}
