import fs from 'node:fs/promises';
import net from 'node:net';
import { z } from 'zod';
import type { Result } from '../../shared/ipc';
import type { EngineHost } from '../core';

/**
 * The local door into a running engine process: newline-delimited JSON over a Unix socket
 * (a named pipe on Windows) that only the data dir's owner can open. Requests are
 * `{id, channel, request}`, answers `{id, result}`, and every engine event is sent to every
 * client as `{event, payload}`. The engine validates each request as it does for the UI.
 */

const MAX_LINE = 4 * 1024 * 1024;

const requestSchema = z.object({ id: z.number().int(), channel: z.string().max(100), request: z.unknown() });
const answerSchema = z.union([
  z.object({ id: z.number().int(), result: z.unknown() }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);

function lines(socket: net.Socket, onLine: (line: string) => void): void {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    if (buffer.length > MAX_LINE) {
      socket.destroy();
      return;
    }
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      if (line.trim() !== '') onLine(line);
    }
  });
}

const parse = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};

export type EngineSocketServer = Readonly<{ close(): Promise<void> }>;

/** Serves `engine` on `socketPath`. */
export async function serveEngine(engine: EngineHost, socketPath: string): Promise<EngineSocketServer> {
  const clients = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => socket.destroy());
    lines(socket, (line) => {
      const request = requestSchema.safeParse(parse(line));
      if (!request.success) return;
      const { id, channel } = request.data;
      void engine.dispatch(channel, request.data.request).then((result) => {
        if (!socket.destroyed) socket.write(`${JSON.stringify({ id, result })}\n`);
      });
    });
  });
  const unsubscribe = engine.onEvent((event) => {
    const line = `${JSON.stringify({ event: event.name, payload: event.payload })}\n`;
    for (const socket of clients) if (!socket.destroyed) socket.write(line);
  });
  if (process.platform !== 'win32') await fs.rm(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (process.platform !== 'win32') await fs.chmod(socketPath, 0o600);
  return Object.freeze({
    async close() {
      unsubscribe();
      for (const socket of clients) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (process.platform !== 'win32') await fs.rm(socketPath, { force: true });
    },
  });
}

/** An event as it arrives; `createTidingsApi` validates it against the contract before use. */
export type RawEvent = Readonly<{ name: string; payload: unknown }>;

export type RemoteEngine = Readonly<{
  dispatch(channel: string, request: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: RawEvent) => void): () => void;
  close(): Promise<void>;
}>;

/** Connects to a running engine; rejects when nobody listens there. */
export function connectEngine(socketPath: string): Promise<RemoteEngine> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    const pending = new Map<number, (result: Result<unknown>) => void>();
    const listeners = new Set<(event: RawEvent) => void>();
    let nextId = 1;
    const lost: Result<unknown> = {
      ok: false,
      error: { code: 'internal', message: 'The running Tidings process went away.' },
    };
    socket.once('error', reject);
    socket.on('close', () => {
      for (const settle of pending.values()) settle(lost);
      pending.clear();
    });
    lines(socket, (line) => {
      const answer = answerSchema.safeParse(parse(line));
      if (!answer.success) return;
      if ('id' in answer.data) {
        const settle = pending.get(answer.data.id);
        pending.delete(answer.data.id);
        settle?.(answer.data.result as Result<unknown>);
        return;
      }
      for (const listener of [...listeners])
        listener({ name: answer.data.event, payload: answer.data.payload });
    });
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', () => socket.destroy());
      resolve(
        Object.freeze({
          dispatch(channel: string, request: unknown) {
            if (socket.destroyed) return Promise.resolve(lost);
            const id = nextId++;
            return new Promise<Result<unknown>>((settle) => {
              pending.set(id, settle);
              socket.write(`${JSON.stringify({ id, channel, request })}\n`);
            });
          },
          onEvent(listener: (event: RawEvent) => void) {
            listeners.add(listener);
            return () => void listeners.delete(listener);
          },
          close() {
            socket.end();
            return Promise.resolve();
          },
        }),
      );
    });
  });
}
