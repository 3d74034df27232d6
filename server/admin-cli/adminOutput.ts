import {
  adminBroadcastListSchema,
  adminBroadcastSchema,
  serverStatsSchema,
  type AdminBroadcast,
} from '../../shared/protocol';
import type { AdminRequest } from './adminArgs';

const when = (ms: number | null): string => (ms === null ? '-' : new Date(ms).toISOString());

function broadcastLine(b: AdminBroadcast): string {
  return `${b.id}\t${b.state}\tseq ${b.publicSeq ?? '-'}\texpires ${when(b.expiresAt)}\t${b.title}`;
}

function broadcastDetail(b: AdminBroadcast): string {
  const filters = [
    b.audience.activeSince === undefined ? null : `active since ${when(b.audience.activeSince)}`,
    b.audience.minClientVersion === undefined ? null : `client ≥ ${b.audience.minClientVersion}`,
  ].filter((f): f is string => f !== null);
  return [
    `broadcast ${b.id}: ${b.state}`,
    `  title:      ${b.title}`,
    `  body:       ${b.body.replace(/\n/g, '\n              ')}`,
    `  audience:   ${filters.length === 0 ? 'everyone' : filters.join(', ')}`,
    `  whitelist:  ${b.whitelist.length === 0 ? '-' : b.whitelist.join(', ')}`,
    `  published:  ${when(b.publishedAt)}`,
    `  expires:    ${when(b.expiresAt)}`,
    `  public seq: ${b.publicSeq ?? '-'}`,
  ].join('\n');
}

/** The server's answer as the operator reads it (or as JSON with --json). */
export function formatAnswer(request: AdminRequest, body: unknown, json: boolean): string {
  if (json) return JSON.stringify(body, null, 2);
  switch (request.show) {
    case 'broadcast':
      return broadcastDetail(adminBroadcastSchema.parse(body));
    case 'broadcasts': {
      const { broadcasts } = adminBroadcastListSchema.parse(body);
      return broadcasts.length === 0 ? 'no broadcasts' : broadcasts.map(broadcastLine).join('\n');
    }
    case 'stats': {
      const s = serverStatsSchema.parse(body);
      const states = Object.entries(s.broadcasts)
        .map(([state, n]) => `${state} ${n}`)
        .join(', ');
      return [
        `users:          ${s.users} (${s.disabledUsers} disabled)`,
        `online:         ${s.onlineUsers} users, ${s.onlineDevices} devices`,
        `messages:       ${s.messages}`,
        `broadcasts:     ${states} (public seq ${s.publicSeq})`,
        `uptime:         ${Math.floor(s.uptimeMs / 1000)} s`,
      ].join('\n');
    }
    case 'json':
      return JSON.stringify(body, null, 2);
  }
}
