import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildRenderer } from '../../../scripts/build.mjs';
import {
  startServer,
  tempDir,
  type ServerProcess,
  type StartServerOptions,
} from '../../helpers/serverProcess';
import { startBridge, type BridgeProcess } from './bridgeProcess';
import { openPage, registerThroughUi, type OpenedPage } from './chatPage';
import { launchChromium } from './chromium';
import { buildPrivateRenderer } from './privateRenderer';

export type PeopleOptions<N extends string> = Readonly<{
  /** Start of every temp dir's name, e.g. 'tidings-e2e-search-' gives 'tidings-e2e-search-alice-…'. */
  prefix: string;
  /**
   * 'private' builds a renderer of this file's own (another e2e file rebuilding the shared one
   * cannot break these pages); 'shared' rebuilds dist/renderer-bridge and serves that.
   */
  renderer?: 'private' | 'shared';
  server?: Pick<StartServerOptions, 'args' | 'env'>;
  /** People whose bridge gets a downloads dir of its own (see `Started.downloads`). */
  downloads?: readonly N[];
  /** Registers each person through the UI (username and password from the name) with this display name. */
  register?: Readonly<Record<N, string>>;
  /** Keep only the last this many characters of each process's output in diagnostics. */
  outputTail?: number;
  /** More to say when a step fails (appended after the diagnostics). */
  failureDetail?: () => Promise<string>;
}>;

export type Started<N extends string> = Readonly<{
  server: ServerProcess;
  browser: Browser;
  hosts: Readonly<Record<N, BridgeProcess>>;
  pages: Readonly<Record<N, OpenedPage>>;
  downloads: Readonly<Partial<Record<N, string>>>;
}>;

export type People<N extends string> = Readonly<{
  /** Everything the processes and pages said so far, for failure messages. */
  diagnostics(): string;
  /** Runs a step and, when it fails, adds what the processes and pages said. */
  step(run: () => Promise<void>): Promise<void>;
  /** Server, one bridge and one page per person, in that order (for `beforeAll`). */
  start(): Promise<Started<N>>;
  /** A test that restarts the server hands the new one over, so diagnostics and close() use it. */
  replaceServer(next: ServerProcess): ServerProcess;
  /** Closes whatever was started and removes the temp dirs; resolves to the bridges' exit codes. */
  close(): Promise<(number | null | undefined)[]>;
}>;

/** A server, a browser, and one bridge with one page per named person. */
export function people<N extends string>(names: readonly N[], options: PeopleOptions<N>): People<N> {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const hosts: Partial<Record<N, BridgeProcess>> = {};
  const pages: Partial<Record<N, OpenedPage>> = {};
  const dirs: string[] = [];

  const tail = (output: string | undefined): string =>
    (options.outputTail === undefined ? output : output?.slice(-options.outputTail)) ?? '';

  function diagnostics(): string {
    return [
      `--- server ---\n${tail(server?.output())}`,
      ...names.map((name) => `--- ${name}'s bridge ---\n${tail(hosts[name]?.output())}`),
      ...names.map((name) => `--- ${name}'s page ---\n${pages[name]?.problems.join('\n') ?? ''}`),
    ].join('\n');
  }

  async function step(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      const detail = options.failureDetail ? await options.failureDetail() : '';
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n${diagnostics()}${detail}`,
        {
          cause: error,
        },
      );
    }
  }

  async function start(): Promise<Started<N>> {
    let staticDir: string | undefined;
    if (options.renderer === 'shared') {
      await buildRenderer('bridge');
    } else {
      const renderer = await buildPrivateRenderer();
      dirs.push(renderer.dir);
      staticDir = renderer.dir;
    }
    const started = await startServer(options.server);
    server = started;
    const dataDirs = names.map((name) => [name, tempDir(`${options.prefix}${name}-`)] as const);
    const downloads: Partial<Record<N, string>> = {};
    for (const name of options.downloads ?? [])
      downloads[name] = tempDir(`${options.prefix}${name}-downloads-`);
    dirs.push(
      started.dataDir,
      ...dataDirs.map(([, dir]) => dir),
      ...Object.values<string | undefined>(downloads).filter(isString),
    );
    const bridges = await Promise.all(
      dataDirs.map(async ([name, dataDir]) => {
        const bridge = await startBridge({ dataDir, staticDir, downloadsDir: downloads[name] });
        hosts[name] = bridge;
        return [name, bridge] as const;
      }),
    );
    const chromium = await launchChromium();
    browser = chromium;
    const opened = await Promise.all(
      bridges.map(async ([name, bridge]) => {
        const page = await openPage(chromium, bridge.pageUrl);
        pages[name] = page;
        return [name, page] as const;
      }),
    );
    const register = options.register;
    if (register) {
      await Promise.all(
        opened.map(([name, { page }]) =>
          registerThroughUi(page, {
            serverUrl: started.url,
            username: name,
            password: `${name}-password`,
            displayName: register[name],
          }),
        ),
      );
    }
    return {
      server: started,
      browser: chromium,
      hosts: hosts as Record<N, BridgeProcess>,
      pages: pages as Record<N, OpenedPage>,
      downloads,
    };
  }

  async function close(): Promise<(number | null | undefined)[]> {
    await browser?.close();
    const codes = await Promise.all(names.map(async (name) => hosts[name]?.stop()));
    await server?.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    return codes;
  }

  function replaceServer(next: ServerProcess): ServerProcess {
    server = next;
    return next;
  }

  return { diagnostics, step, start, replaceServer, close };
}

/** The usual pair: alice and bob. */
export function twoPeople(options: PeopleOptions<'alice' | 'bob'>): People<'alice' | 'bob'> {
  return people(['alice', 'bob'], options);
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}
