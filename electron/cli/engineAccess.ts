import fs from 'node:fs/promises';
import { createTidingsApi, type IpcTransport, type TidingsApi } from '../../shared/ipc';
import { createEngineHost, type EngineHost, type Logger } from '../core';
import { tryLockEngine } from './engineLock';
import { connectEngine, serveEngine, type RemoteEngine } from './engineSocket';
import { engineSocketPath } from './socketPath';

/** The engine a command talks to: its own, or the one a running process (`tidings listen`) owns. */
export type EngineAccess = Readonly<{
  api: TidingsApi;
  /** `local`: this process owns the engine (and serves it to others while it runs). */
  role: 'local' | 'remote';
  host: EngineHost | null;
  close(): Promise<void>;
}>;

export type OpenEngineOptions = Readonly<{
  dataDir: string;
  logger: Logger;
  /** `listen` must own the engine; other commands use whichever is there. */
  own: boolean;
  /** How long to wait for another process's engine to appear or to go away. */
  timeoutMs: number;
  /** Where the store worker is (beside this bundle). */
  storeWorkerPath?: string;
}>;

/** Thrown when `own` is asked but another process keeps the engine. */
export class EngineBusyError extends Error {
  constructor() {
    super('Another tidings process (a running `tidings listen`?) already uses this data dir.');
    this.name = 'EngineBusyError';
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function remoteTransport(remote: RemoteEngine): IpcTransport {
  return {
    invoke: (channel, request) => remote.dispatch(channel, request),
    subscribe: (event, listener) => remote.onEvent((e) => e.name === event && listener(e.payload)),
  };
}

function localTransport(host: EngineHost): IpcTransport {
  return {
    invoke: (channel, request) => host.dispatch(channel, request),
    subscribe: (event, listener) => host.onEvent((e) => e.name === event && listener(e.payload)),
  };
}

/**
 * One engine per data dir: the first command takes the lock, runs the engine and serves it on
 * the local socket; the others connect to it instead of signing in a second time (which, with
 * the same device id, would end the first one's session).
 */
export async function openEngine(options: OpenEngineOptions): Promise<EngineAccess> {
  await fs.mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const socketPath = engineSocketPath(options.dataDir);
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (!options.own) {
      const remote = await connectEngine(socketPath).catch(() => null);
      if (remote) {
        return Object.freeze({
          api: createTidingsApi(remoteTransport(remote)),
          role: 'remote',
          host: null,
          close: () => remote.close(),
        });
      }
    }
    const unlock = await tryLockEngine(options.dataDir);
    if (unlock) {
      const host = createEngineHost({
        dataDir: options.dataDir,
        logger: options.logger,
        ...(options.storeWorkerPath === undefined ? {} : { storeWorkerPath: options.storeWorkerPath }),
      });
      let server;
      try {
        server = await serveEngine(host, socketPath);
      } catch (error) {
        await host.close();
        await unlock();
        throw error;
      }
      return Object.freeze({
        api: createTidingsApi(localTransport(host)),
        role: 'local',
        host,
        async close() {
          await server.close();
          await host.close();
          await unlock();
        },
      });
    }
    // Someone holds the lock: starting up (its socket appears soon) or, for `own`, busy.
    if (Date.now() > deadline) throw new EngineBusyError();
    await pause(100);
  }
}
