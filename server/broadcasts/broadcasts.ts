import type { Database } from 'better-sqlite3';
import type { Logger } from '../log/logger';
import type { ServerMetrics } from '../observability/metrics';
import type { Cancel, Clock, Scheduler } from '../ports';
import type { CommandHandlers } from '../services/commandService';
import type { DeviceService } from '../services/deviceService';
import { fitPage } from '../services/frameBudget';
import type { Presence } from '../services/presence';
import { createActivityRepository } from './activityRepository';
import { createBroadcastAdmin, type BroadcastAdmin } from './broadcastAdmin';
import { createBroadcastRepository } from './broadcastRepository';
import { createOnlineViewers } from './onlineViewers';
import { createPublicInbox } from './publicInbox';
import { createPublicNotifier } from './publicNotifier';
import type { BroadcastState } from '../../shared/protocol';

export type BroadcastStats = Readonly<{ broadcasts: Record<BroadcastState, number>; publicSeq: number }>;

/** Broadcasts on one server: the admin lifecycle, the in-memory public inbox, its pulls and notifies. */
export type Broadcasts = Readonly<{
  admin: BroadcastAdmin;
  handlers: Pick<CommandHandlers, 'sync.public'>;
  /**
   * The device service with the public cursor added to the hello and keepalive answers, and
   * logins and departures recorded for the audience filters and notifies.
   */
  withPublicCursor(devices: DeviceService): DeviceService;
  stats(): BroadcastStats;
  /** Stops the refresh timer and pending notifies. */
  close(): void;
}>;

export function createBroadcasts(
  deps: Readonly<{
    db: Database;
    users: Readonly<{ exists(userId: string): boolean }>;
    presence: Presence;
    clock: Clock;
    scheduler: Scheduler;
    logger: Logger;
    metrics: Pick<ServerMetrics, 'syncPulls'>;
    /** How often the in-memory public inbox is compared with storage (another server may have written). */
    refreshMs: number;
    /** Upper bound of the random delay of each online user's notify. */
    notifyJitterMs: number;
    random?: () => number;
  }>,
): Broadcasts {
  const { clock, scheduler, logger } = deps;
  const repository = createBroadcastRepository(deps.db);
  const inbox = createPublicInbox({ repository, now: () => clock.now() });
  const viewers = createOnlineViewers(createActivityRepository(deps.db));
  let cursorsOf: DeviceService['cursors'] = (userId) => ({
    inbox: 0,
    public: inbox.cursorFor(userId, clock.now()),
  });
  const notifier = createPublicNotifier({
    presence: deps.presence,
    cursors: (userId) => cursorsOf(userId),
    scheduler,
    jitterMs: deps.notifyJitterMs,
    ...(deps.random ? { random: deps.random } : {}),
  });

  /** Reloads the snapshot if storage moved and notifies the online users it moved for. */
  const refresh = (force: boolean): void => {
    const previous = inbox.lastSeq();
    if (!inbox.refresh(force)) return;
    const now = clock.now();
    const moved = [...viewers.users()].filter((userId) => inbox.cursorFor(userId, now) > previous);
    if (moved.length > 0) notifier.notify(moved);
  };
  refresh(true);

  let cancelTimer: Cancel = () => {};
  let closed = false;
  const tick = (): void => {
    try {
      refresh(false);
    } catch (error) {
      logger.error('public inbox refresh failed', { error });
    }
    if (!closed) cancelTimer = scheduler.after(deps.refreshMs, tick);
  };
  cancelTimer = scheduler.after(deps.refreshMs, tick);

  const admin = createBroadcastAdmin({
    repository,
    users: deps.users,
    clock,
    logger,
    changed: () => refresh(false),
  });

  return {
    admin,
    handlers: {
      'sync.public': ({ userId }, { after, limit, clientVersion }) => {
        deps.metrics.syncPulls.inc({ kind: 'public' });
        const page = inbox.pull(
          {
            userId,
            previousActivity: viewers.previousActivity(userId),
            clientVersion: clientVersion ?? null,
          },
          after,
          limit,
          clock.now(),
        );
        const events = fitPage(page.events, (events) => ({ events, max: page.max, hasMore: true }), 'head');
        if (events.length === page.events.length) return page;
        return { events, max: events.at(-1)?.seq ?? after, hasMore: true };
      },
    },
    withPublicCursor(devices) {
      // Like `groups`, left out while there is nothing: a server without broadcasts sends what it sent before.
      const cursors: DeviceService['cursors'] = (userId) => {
        const publicSeq = inbox.cursorFor(userId, clock.now());
        return publicSeq > 0 ? { ...devices.cursors(userId), public: publicSeq } : devices.cursors(userId);
      };
      cursorsOf = cursors;
      return {
        ...devices,
        cursors,
        hello: (userId, deviceId) => ({ ...devices.hello(userId, deviceId), cursors: cursors(userId) }),
        register(userId, deviceId, kind) {
          // Before the login is recorded: the activity filter compares what came before it.
          if (kind === 'tidings') viewers.loggedIn(userId, deviceId);
          return devices.register(userId, deviceId, kind);
        },
        disconnected(userId, deviceId) {
          viewers.loggedOut(userId, deviceId);
          devices.disconnected(userId, deviceId);
        },
      };
    },
    stats: () => ({ broadcasts: repository.countByState(), publicSeq: inbox.lastSeq() }),
    close() {
      closed = true;
      cancelTimer();
      notifier.close();
    },
  };
}
