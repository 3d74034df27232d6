import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { WebSocket } from 'ws';
import type { Transfer, TransferState } from '../../../../shared/ipc/channels/files';
import {
  decodeFrame,
  encodeFrame,
  FrameType,
  Typeu,
  type OutgoingMessage,
} from '../../../../shared/protocol';
import { waitFor } from '../../../helpers/serverProcess';
import { createEngineClient, type EngineClient } from '../helpers/engineClient';
import type { HttpUser } from '../integration/realServer';

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Bytes that differ everywhere, so a resume from a wrong offset could never pass the checksum. */
export function patternBytes(size: number, seed = 7): Buffer<ArrayBuffer> {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export const transferEvents = (client: EngineClient, messageId?: string): Transfer[] =>
  client.events.flatMap((e) =>
    e.name === 'files:progress' && (messageId === undefined || e.payload.messageId === messageId)
      ? [e.payload]
      : [],
  );

/** Waits for a progress event of this message in `state` (and `extra`, if given). */
export function waitForTransfer(
  client: EngineClient,
  messageId: string,
  state: TransferState,
  extra: (t: Transfer) => boolean = () => true,
  timeoutMs = 60_000,
): Promise<Transfer> {
  return waitFor(() => transferEvents(client, messageId).find((t) => t.state === state && extra(t)), {
    timeoutMs,
    what: `transfer ${messageId} ${state}`,
  });
}

export function writeFile(file: string, data: Buffer): string {
  fs.writeFileSync(file, data);
  return file;
}

/** One message over a bare protocol client (e.g. a forward, which the IPC contract does not offer). */
export async function sendRaw(
  wsUrl: string,
  from: HttpUser,
  to: string,
  message: OutgoingMessage,
): Promise<void> {
  const socket = new WebSocket(wsUrl, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const fp = randomUUID();
  const acked = new Promise<void>((resolve, reject) => {
    socket.on('message', (data: Buffer) => {
      const decoded = decodeFrame(data.toString('utf8'));
      if (!decoded.ok) return;
      const frame = decoded.value;
      if (frame.type === FrameType.loginResponse) {
        socket.send(
          encodeFrame({
            type: FrameType.data,
            from: from.userId,
            to,
            fp,
            QoS: true,
            typeu: Typeu.message,
            dataContent: JSON.stringify(message),
          }),
        );
      }
      if (frame.type === FrameType.ack && frame.dataContent === fp) resolve();
      if (frame.type === FrameType.data && frame.typeu === Typeu.sendRefused)
        reject(new Error(`refused: ${frame.dataContent ?? ''}`));
    });
  });
  socket.send(
    encodeFrame({
      type: FrameType.login,
      from: from.userId,
      to: '0',
      dataContent: JSON.stringify({
        loginUserId: from.userId,
        loginToken: from.token,
        extra: JSON.stringify({ deviceId: `raw-${randomUUID()}`, capabilities: ['tidings/1'] }),
        firstLoginTime: 0,
      }),
    }),
  );
  try {
    await acked;
  } finally {
    socket.close();
  }
}

/** A token for a user the test registered through an engine (password-123). */
export async function loginHttp(baseUrl: string, username: string): Promise<HttpUser> {
  const password = 'password-123';
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: HTTP ${response.status}`);
  const body = (await response.json()) as { userId: string; token: string };
  return { userId: body.userId, token: body.token, username, password };
}

/** Engine options for file tests: small chunks (several per file), every progress step reported, quick resumes. */
export const fileTuning = {
  fileChunkBytes: 64 * 1024,
  fileProgressIntervalMs: 0,
  fileRetryBaseMs: 100,
  fileRetryCapMs: 500,
};

/** An engine for file tests, registered (or signed in) as `username`, downloading into its own folder. */
export async function fileClient(
  serverUrl: string,
  username: string,
  newDir: () => string,
  options: Readonly<{ dataDir?: string; tuning?: Record<string, number>; register?: boolean }> = {},
): Promise<EngineClient> {
  const client = createEngineClient(options.dataDir ?? newDir(), {
    downloadsDir: newDir(),
    tuning: { ...fileTuning, ...options.tuning },
  });
  if (options.register === false) await client.login(serverUrl, username);
  else await client.register(serverUrl, username);
  return client;
}
