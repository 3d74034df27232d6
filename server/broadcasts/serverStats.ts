import type { Database } from 'better-sqlite3';
import type { ServerStats } from '../../shared/protocol';
import type { Clock } from '../ports';
import type { BroadcastStats } from './broadcasts';

/** GET /api/admin/stats: counts from storage, who is online from the gateway. */
export function createServerStats(
  deps: Readonly<{
    db: Database;
    clock: Clock;
    startedAt: number;
    onlineDevices: () => number;
    onlineUsers: () => number;
    broadcasts: () => BroadcastStats;
  }>,
): () => ServerStats {
  const users = deps.db.prepare<[], { total: number; disabled: number }>(
    'SELECT count(*) AS total, coalesce(sum(disabled), 0) AS disabled FROM users',
  );
  // AUTOINCREMENT ids are never reused and messages are never deleted, so max(id) counts them without a scan.
  const messages = deps.db.prepare<[], { n: number | null }>('SELECT max(id) AS n FROM messages');
  return () => {
    const userCounts = users.get() ?? { total: 0, disabled: 0 };
    const { broadcasts, publicSeq } = deps.broadcasts();
    return {
      users: userCounts.total,
      disabledUsers: userCounts.disabled,
      onlineDevices: deps.onlineDevices(),
      onlineUsers: deps.onlineUsers(),
      messages: messages.get()?.n ?? 0,
      broadcasts,
      publicSeq,
      uptimeMs: Math.max(0, deps.clock.now() - deps.startedAt),
    };
  };
}
