import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { WebSocket } from 'ws';
import { decodeFrame, encodeFrame, FrameType, Typeu } from '../../../../shared/protocol';
import { startServer, type ServerProcess, type StartServerOptions } from '../../../helpers/serverProcess';
import { useTempDirs } from '../helpers/tempDirs';

const tempDir = useTempDirs('tidings-config-');

/** Config for a test server: no notify jitter and no rate limit in the way of bulk tests. */
export function serverConfigArgs(overrides: Readonly<Record<string, unknown>> = {}): string[] {
  const { timings, ...rest } = overrides as { timings?: Record<string, unknown> };
  const config = {
    timings: { notifyJitterMs: 0, ...timings },
    rateLimit: { burst: 1_000_000, perSecond: 1_000_000 },
    ...rest,
  };
  const file = path.join(tempDir(), 'config.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return ['--config', file];
}

export function startTestServer(
  overrides: Readonly<Record<string, unknown>> = {},
  options: StartServerOptions = {},
): Promise<ServerProcess> {
  return startServer({ ...options, args: [...serverConfigArgs(overrides), ...(options.args ?? [])] });
}

export type HttpUser = Readonly<{ userId: string; token: string; username: string; password: string }>;

export async function registerHttp(
  baseUrl: string,
  username: string,
  password = 'password-123',
): Promise<HttpUser> {
  const response = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, displayName: username }),
  });
  if (response.status !== 201)
    throw new Error(`register ${username}: HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { userId: string; token: string };
  return { userId: body.userId, token: body.token, username, password };
}

/**
 * Sends many texts from `from` to `to` over a bare protocol client (far faster than an engine
 * per message), and resolves once the server has ACKed every one: they are all stored.
 */
export async function sendMany(
  wsUrl: string,
  from: HttpUser,
  to: string,
  texts: readonly string[],
): Promise<void> {
  const socket = new WebSocket(wsUrl, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waiting = new Set<string>();
  let loggedIn: () => void = () => undefined;
  let done: () => void = () => undefined;
  const allAcked = new Promise<void>((resolve) => (done = resolve));
  const ready = new Promise<void>((resolve) => (loggedIn = resolve));
  socket.on('message', (data: Buffer) => {
    const decoded = decodeFrame(data.toString('utf8'));
    if (!decoded.ok) return;
    const frame = decoded.value;
    if (frame.type === FrameType.loginResponse) loggedIn();
    if (
      frame.type === FrameType.ack &&
      frame.dataContent &&
      waiting.delete(frame.dataContent) &&
      waiting.size === 0
    )
      done();
  });
  socket.send(
    encodeFrame({
      type: FrameType.login,
      from: from.userId,
      to: '0',
      dataContent: JSON.stringify({
        loginUserId: from.userId,
        loginToken: from.token,
        extra: JSON.stringify({ deviceId: `bulk-${randomUUID()}`, capabilities: ['tidings/1'] }),
        firstLoginTime: 0,
      }),
    }),
  );
  await ready;
  for (const text of texts) {
    const fp = randomUUID();
    waiting.add(fp);
    socket.send(
      encodeFrame({
        type: FrameType.data,
        from: from.userId,
        to,
        fp,
        QoS: true,
        typeu: Typeu.message,
        dataContent: JSON.stringify({ kind: 'text', body: { text } }),
      }),
    );
  }
  await allAcked;
  socket.close();
}
