import { SYSTEM_NOTICES_CONVERSATION_ID, type Conversation, type Message } from '../../../shared/ipc';
import type { Cursors } from '../../../shared/protocol';
import type { Clock, TimerHandle, Timers } from '../deps/clock';
import { errorText, type Logger } from '../deps/logger';
import type { EventHub } from '../events/eventHub';
import { LinkDownError, type CommandClient } from '../net/commandClient';
import { createSerialQueue } from '../persist/jsonFile';
import type { Store } from '../store/store';
import { CLIENT_VERSION } from './clientVersion';
import { parseNoticeChanges, toNotice } from './noticeChanges';
import type { NoticeChanges } from './noticeStore';

export type BroadcastSyncDeps = Readonly<{
  store: Pick<Store, 'extension'>;
  commands: Pick<CommandClient, 'call'>;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  events: Pick<EventHub, 'emit'>;
  emitMessages(conversationId: string, messages: readonly Message[]): void;
  emitConversations(conversations: readonly Conversation[]): void;
  pageSize?: number;
  clientVersion?: string;
  /** Longest wait of the expiry timer (timers overflow past ~24.8 days; a clock may jump). */
  maxExpiryWaitMs?: number;
}>;

/** Broadcast notices on one account: pulls the public inbox by its cursor and expires notices. */
export type BroadcastSync = Readonly<{
  /** Removes notices that expired while the app was closed, and arms the expiry timer. */
  start(): Promise<void>;
  /** The hello: pull if the server's public cursor is ahead (or nothing was ever pulled). */
  online(cursors: Cursors): void;
  /** Cursors of a notify or a keepalive answer: a lost notify shows up here. */
  cursors(cursors: Cursors): void;
  offline(): void;
  /** Pulls now if online (`sync:now`); resolves when caught up. */
  pullNow(): Promise<void>;
  /** After a private sync: pulls the public inbox too, then hands the sync's result on (a failed pull is logged). */
  afterSync<T>(result: T): Promise<T>;
  stop(): Promise<void>;
}>;

const EXTENSION = 'broadcasts';

export function createBroadcastSync(deps: BroadcastSyncDeps): BroadcastSync {
  const { store, commands, clock, timers, logger } = deps;
  const serial = createSerialQueue();
  const pageSize = deps.pageSize ?? 200;
  const maxWait = deps.maxExpiryWaitMs ?? 60 * 60 * 1000;
  let online = false;
  let stopped = false;
  /** The highest public cursor the server has shown; null when it never sent one (an older server). */
  let serverCursor: number | null = null;
  let expiryTimer: TimerHandle | null = null;
  let queued: Promise<void> | null = null;

  const localCursor = async (): Promise<number | null> => {
    const value = await store.extension(EXTENSION, 'cursor', null);
    return typeof value === 'number' ? value : null;
  };

  const publish = (changes: NoticeChanges): void => {
    const conversationId = SYSTEM_NOTICES_CONVERSATION_ID;
    if (changes.changed.length > 0) {
      deps.emitMessages(conversationId, changes.changed);
      const notices = changes.changed.flatMap((m) => toNotice(m) ?? []);
      if (notices.length > 0) deps.events.emit({ name: 'broadcasts:changed', payload: { notices } });
    }
    if (changes.removed.length > 0) {
      const ids = changes.removed.map((r) => r.id);
      deps.events.emit({ name: 'messages:removed', payload: { conversationId, ids } });
      for (const reason of ['recalled', 'expired'] as const) {
        const gone = changes.removed.filter((r) => r.reason === reason).map((r) => r.id);
        if (gone.length > 0) deps.events.emit({ name: 'broadcasts:removed', payload: { ids: gone, reason } });
      }
    }
    if (changes.conversation) deps.emitConversations([changes.conversation]);
    armExpiry(changes.nextExpiry);
  };

  const armExpiry = (at: number | null): void => {
    if (expiryTimer !== null) timers.clearTimeout(expiryTimer);
    expiryTimer = null;
    if (at === null || stopped) return;
    const wait = Math.min(Math.max(0, at - clock.now()), maxWait);
    expiryTimer = timers.setTimeout(() => {
      expiryTimer = null;
      void serial(expire).catch((error: unknown) =>
        logger.warn('broadcasts.expire-failed', { error: errorText(error) }),
      );
    }, wait);
  };

  const expire = async (): Promise<void> => {
    if (stopped) return;
    publish(parseNoticeChanges(await store.extension(EXTENSION, 'expire', { now: clock.now() })));
  };

  const pull = async (): Promise<void> => {
    let after = (await localCursor()) ?? 0;
    for (;;) {
      if (!online || stopped) throw new LinkDownError();
      const page = await commands.call('sync.public', {
        after,
        limit: pageSize,
        clientVersion: deps.clientVersion ?? CLIENT_VERSION,
      });
      const changes = parseNoticeChanges(
        await store.extension(EXTENSION, 'applyPage', {
          events: page.events,
          max: page.max,
          now: clock.now(),
        }),
      );
      publish(changes);
      after = Math.max(after, page.max);
      if (!page.hasMore) return;
    }
  };

  /** One pull at a time; requests while one waits join it. */
  const requestPull = (): Promise<void> => {
    queued ??= serial(async () => {
      queued = null;
      await pull();
    });
    return queued;
  };

  const pullInBackground = (): void => {
    requestPull().catch((error: unknown) => {
      if (!(error instanceof LinkDownError))
        logger.warn('broadcasts.pull-failed', { error: errorText(error) });
    });
  };

  const noteCursors = (cursors: Cursors): void => {
    if (!online || cursors.public === undefined) return;
    serverCursor = Math.max(serverCursor ?? 0, cursors.public);
    const target = serverCursor;
    void localCursor().then(
      (local) => {
        if (local === null || target > local) pullInBackground();
      },
      (error: unknown) => logger.warn('broadcasts.cursor-failed', { error: errorText(error) }),
    );
  };

  const pullNow = async (): Promise<void> => {
    // An older server never sent a public cursor: it has no public inbox to pull.
    if (!online || serverCursor === null) return;
    await requestPull();
  };

  return Object.freeze({
    start: () => serial(expire),
    online(cursors: Cursors) {
      if (stopped) return;
      online = true;
      noteCursors(cursors);
    },
    cursors(cursors: Cursors) {
      noteCursors(cursors);
    },
    offline() {
      online = false;
    },
    pullNow,
    async afterSync<T>(result: T): Promise<T> {
      await pullNow().catch((error: unknown) => {
        if (!(error instanceof LinkDownError))
          logger.warn('broadcasts.pull-failed', { error: errorText(error) });
      });
      return result;
    },
    async stop() {
      stopped = true;
      online = false;
      armExpiry(null);
      await serial(() => Promise.resolve());
    },
  });
}
