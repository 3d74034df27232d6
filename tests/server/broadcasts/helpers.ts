import {
  adminBroadcastSchema,
  FrameType,
  knownPublicEventSchema,
  notifySchema,
  Typeu,
  type AdminBroadcast,
  type CreateBroadcastRequest,
  type PublicEvent,
} from '../../../shared/protocol';
import type { TestClient } from '../helpers/wsClient';
import { ADMIN_TOKEN } from '../sync/helpers/coreServer';
import { call } from '../sync/helpers/devices';

export type AdminReply = Readonly<{ status: number; body: unknown }>;

/** One admin API request with the test admin token (or `token`, or none with null). */
export async function adminCall(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
  token: string | null = ADMIN_TOKEN,
): Promise<AdminReply> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

/** An admin call that must succeed with a broadcast. */
export async function adminBroadcast(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<AdminBroadcast> {
  const reply = await adminCall(baseUrl, method, path, body);
  if (reply.status !== 200 && reply.status !== 201)
    throw new Error(`${method} ${path} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return adminBroadcastSchema.parse(reply.body);
}

export function createDraft(baseUrl: string, request: CreateBroadcastRequest): Promise<AdminBroadcast> {
  return adminBroadcast(baseUrl, 'POST', '/api/admin/broadcasts', request);
}

export function transition(
  baseUrl: string,
  id: string,
  verb: 'prerelease' | 'publish' | 'stop' | 'recall',
): Promise<AdminBroadcast> {
  return adminBroadcast(baseUrl, 'POST', `/api/admin/broadcasts/${id}/${verb}`);
}

export type PublicPull = Readonly<{ events: PublicEvent[]; max: number }>;

/** Pulls the public inbox after `after` to the end, page by page. */
export async function pullPublic(
  client: TestClient,
  after = 0,
  options: Readonly<{ clientVersion?: string; limit?: number }> = {},
): Promise<PublicPull> {
  const events: PublicEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await call(client, 'sync.public', {
      after: cursor,
      limit: options.limit ?? 200,
      ...(options.clientVersion ? { clientVersion: options.clientVersion } : {}),
    });
    for (const event of page.events) events.push(knownPublicEventSchema.parse(event));
    cursor = page.max;
    if (!page.hasMore) return { events, max: page.max };
  }
}

/** Ids of the broadcasts a pull shows as notices (last state wins, recalls remove). */
export function noticeIds(events: readonly PublicEvent[]): string[] {
  const shown = new Set<string>();
  for (const event of events) {
    if (event.type === 'broadcast') shown.add(event.broadcast.id);
    else shown.delete(event.broadcastId);
  }
  return [...shown];
}

/** Waits for a notify whose public cursor reaches `atLeast`. */
export async function takePublicNotify(
  client: TestClient,
  atLeast: number,
  timeoutMs?: number,
): Promise<number> {
  const frame = await client.take(
    (f) =>
      f.type === FrameType.data &&
      f.typeu === Typeu.notify &&
      (notifySchema.parse(JSON.parse(f.dataContent ?? 'null')).cursors.public ?? 0) >= atLeast,
    `public notify ≥ ${atLeast}`,
    timeoutMs,
  );
  return notifySchema.parse(JSON.parse(frame.dataContent ?? 'null')).cursors.public ?? 0;
}

/** Sends a keepalive and returns the public cursor of its answer (absent, when nothing concerns the user: 0). */
export async function keepalivePublic(client: TestClient): Promise<number> {
  client.send({ type: FrameType.keepalive, dataContent: '{}' });
  const frame = await client.takeType(FrameType.keepaliveResponse);
  const answer = JSON.parse(frame.dataContent ?? '{}') as { cursors?: { public?: number } };
  if (!answer.cursors) throw new Error('a Tidings device got a keepalive answer without cursors');
  return answer.cursors.public ?? 0;
}
