import type { Account, ConnectionState, Conversation, Message, SenseMode } from '../../../shared/ipc';
import type { EngineDeps } from '../deps/engineDeps';
import { errorText } from '../deps/logger';
import { keepaliveFor } from '../domain/senseModes';
import type { SystemEvent } from '../engineHost';
import type { EventHub } from '../events/eventHub';
import { createSessionFiles } from '../files/sessionFiles';
import type { TransferManager } from '../files/transferManager';
import type { ApiClient } from '../http/apiClient';
import { gatewayUrl } from '../http/serverUrls';
import { createCommandClient, type CommandClient } from '../net/commandClient';
import { createConnection } from '../net/connection';
import { createFriendSync, type FriendSync } from '../social/friends/friendSync';
import type { Credentials } from '../persist/accountRecord';
import type { Store, SyncOutcome } from '../store/store';
import { createInboundHandler } from '../sync/inboundHandler';
import { createOutboxSender, type OutboxSender, type SendBudget } from '../sync/outboxSender';
import { createPeerProfiles } from '../sync/peerProfiles';
import { createSyncer, type Syncer } from '../sync/syncer';
import { createBroadcastSync } from '../broadcasts/broadcastSync';
import { createAuthRefresher } from './authRefresher';
import { createLinkSupervisor, type LoginWait } from './linkSupervisor';
import { createTaskTracker } from './taskTracker';

export type { LoginWait } from './linkSupervisor';

/** What a session keeps between runs (the account record in the data dir). */
export type SessionPersistence = Readonly<{
  saveFirstLoginTime(firstLoginTime: number): Promise<void>;
  saveCredentials(credentials: Credentials): Promise<void>;
}>;

export type OpenSessionInput = Readonly<{
  account: Account;
  store: Store;
  deviceId: string;
  /** Null: nothing to sign in with (the user must enter the password); the store still opens. */
  credentials: Credentials | null;
  /** Tidings accounts only. */
  api: ApiClient | null;
  /** Basic mode's sense mode. */
  senseMode: SenseMode | null;
  firstLoginTime: number;
  deps: EngineDeps;
  events: EventHub;
  persistence: SessionPersistence;
}>;

/** One signed-in account: its store, its link to the server, its outbox and its sync. */
export type Session = Readonly<{
  account: Account;
  store: Store;
  api: ApiClient | null;
  commands: Pick<CommandClient, 'call'>;
  outbox: Pick<OutboxSender, 'enqueue' | 'forget'>;
  sync: Pick<Syncer, 'syncNow' | 'flushReads' | 'progress'>;
  /** Friends' host side: handlers publish what their commands changed through it. */
  friends: Pick<FriendSync, 'publish' | 'settled'>;
  /** File transfers (null for a stock server, which has no files). */
  files: TransferManager | null;
  /** HTTP calls with the access token, refreshed on 401. */
  authed<T>(call: (token: string) => Promise<T>): Promise<T>;
  connectionState(): ConnectionState;
  /** Logged in on a Tidings server that said hello: commands and sync work. */
  synced(): boolean;
  /** A stock server (chosen, or no hello): one-to-one text only. */
  basic(): boolean;
  /** The server's recall window (from its hello). */
  recallWindowMs(): number | null;
  emitMessages(conversationId: string, messages: readonly Message[]): void;
  emitConversations(conversations: readonly Conversation[]): void;
  /** Resolves when the WebSocket login is answered or `timeoutMs` passes, whichever is first. */
  waitForLogin(timeoutMs: number): Promise<LoginWait>;
  /** `connection:retryNow`: skip the wait, sign in again after a kickout, retry a refused token. */
  retryNow(): void;
  systemEvent(event: SystemEvent): void;
  close(): Promise<void>;
}>;

/**
 * Assembles one account's engine: the link (connection and its supervisor), commands, the
 * outbox, sync and the inbound frame handler, around the account's store.
 */
export function openSession(input: OpenSessionInput): Session {
  const { account, store, deps, events } = input;
  const { logger, timers, clock, tuning } = deps;
  const tasks = createTaskTracker(logger);
  const me = account.userId;

  const emitMessages = (conversationId: string, messages: readonly Message[]): void => {
    if (messages.length > 0)
      events.emit({ name: 'messages:changed', payload: { conversationId, messages: [...messages] } });
  };
  const emitConversations = (conversations: readonly Conversation[]): void => {
    if (conversations.length > 0)
      events.emit({ name: 'conversations:changed', payload: { conversations: [...conversations] } });
  };

  const auth =
    input.api && input.credentials
      ? createAuthRefresher({
          api: input.api,
          initial: input.credentials,
          logger,
          save: (credentials) => input.persistence.saveCredentials(credentials),
          onRejected: () => link.authRejected(),
        })
      : null;

  const sensed = account.mode === 'basic' ? (input.senseMode ?? tuning.basicSenseMode) : tuning.senseMode;
  const connection = createConnection({
    url: account.mode === 'basic' ? account.serverUrl : gatewayUrl(account.serverUrl),
    userId: me,
    deviceId: input.deviceId,
    token: () => auth?.token() ?? input.credentials?.token ?? '',
    announce: account.mode === 'tidings',
    firstLoginTime: input.firstLoginTime,
    keepalive: keepaliveFor(sensed, tuning),
    WebSocket: deps.WebSocket,
    timers,
    clock,
    random: deps.random,
    logger,
    tuning,
  });
  const commands = createCommandClient({
    me,
    send: (frame) => connection.send(frame),
    timers,
    logger,
    generateId: deps.generateId,
    timeoutMs: tuning.commandTimeoutMs,
  });
  const budget = (): SendBudget =>
    link.basic()
      ? { retryIntervalMs: tuning.basicRetryIntervalMs, maxSendAttempts: tuning.basicMaxSendAttempts }
      : { retryIntervalMs: tuning.retryIntervalMs, maxSendAttempts: tuning.maxSendAttempts };
  const outbox = createOutboxSender({
    store,
    connection,
    clock,
    timers,
    logger,
    tasks,
    budget,
    onChanged: (message) => emitMessages(message.conversationId, [message]),
    onPendingChanged: () => syncer.outboxChanged(),
  });
  const files = createSessionFiles({
    account,
    store,
    deps,
    events,
    authed: (call) => (auth ? auth.authed(call) : Promise.reject(new Error('no credentials'))),
    emitMessages,
    emitConversations,
    enqueueOutbox: (entry) => outbox.enqueue(entry),
  });
  const peerProfiles = createPeerProfiles({
    api: input.api,
    authed: (call) => (auth ? auth.authed(call) : Promise.reject(new Error('no credentials'))),
    store,
    tasks,
    logger,
    onChanged: (conversation) => emitConversations([conversation]),
  });
  const friendSync = createFriendSync({
    store,
    commands,
    api: account.mode === 'tidings' ? input.api : null,
    authed: (call) => (auth ? auth.authed(call) : Promise.reject(new Error('no credentials'))),
    events,
    clock,
    tasks,
    logger,
  });

  const onApplied = (outcome: SyncOutcome): void => {
    for (const fp of outcome.acknowledged) outbox.forget(fp, 'stored');
    for (const { conversationId, messages } of outcome.changed) emitMessages(conversationId, messages);
    emitConversations(outcome.conversations);
    friendSync.onApplied(outcome);
    if (account.mode === 'tidings')
      for (const missing of outcome.missingProfiles)
        peerProfiles.fill(missing.conversationId, missing.userId);
  };

  const syncer = createSyncer({
    store,
    commands,
    clock,
    timers,
    logger,
    tuning,
    onApplied,
    onProgress: (progress) => {
      events.emit({ name: 'sync:progress', payload: progress });
      friendSync.onProgress(progress);
    },
    pendingSends: () => outbox.pending(),
  });
  // Broadcast notices (the public inbox) exist only on a Tidings server.
  const broadcasts =
    account.mode === 'tidings'
      ? createBroadcastSync({
          store,
          commands,
          clock,
          timers,
          logger,
          events,
          emitMessages,
          emitConversations,
        })
      : null;

  const onFrame = createInboundHandler({
    me,
    basic: () => link.basic(),
    store,
    outbox,
    commands,
    send: (frame) => connection.send(frame),
    clock,
    tasks,
    logger,
    onHello: (hello) => link.hello(hello),
    onNotify: (notify) => {
      syncer.notify(notify);
      friendSync.onNotify(notify);
      broadcasts?.cursors(notify.cursors);
    },
    onPushed: (message, conversation) => {
      emitMessages(message.conversationId, [message]);
      emitConversations([conversation]);
    },
  });

  const link = createLinkSupervisor({
    account,
    connection,
    auth,
    credentialsMissing: input.credentials === null,
    firstLoginTime: input.firstLoginTime,
    deps,
    tasks,
    emitState: (state) => events.emit({ name: 'connection:changed', payload: state }),
    saveFirstLoginTime: (firstLoginTime) => input.persistence.saveFirstLoginTime(firstLoginTime),
    onReady: () => {
      outbox.resendAll();
      files?.linkUp();
    },
    onHello: (cursors) => {
      friendSync.online();
      syncer.online(cursors);
      broadcasts?.online(cursors);
    },
    onLinkGone: () => {
      syncer.offline();
      broadcasts?.offline();
      commands.linkDown();
    },
    onCursors: (cursors) => {
      syncer.cursors(cursors);
      broadcasts?.cursors(cursors);
    },
    onFrame,
  });

  let opened: Promise<void> | null = null;
  const start = (): Promise<void> => {
    opened ??= (async () => {
      await outbox.load();
      await broadcasts?.start();
      await files?.start();
      if (input.credentials !== null) connection.start();
    })();
    return opened;
  };
  tasks.run('session.start', start);

  let closing: Promise<void> | null = null;
  return Object.freeze({
    account,
    store,
    api: input.api,
    commands,
    outbox,
    // "Sync now" brings the notices up to date too.
    sync: broadcasts ? { ...syncer, syncNow: () => syncer.syncNow().then(broadcasts.afterSync) } : syncer,
    friends: friendSync,
    files,
    authed: <T>(call: (token: string) => Promise<T>): Promise<T> =>
      auth ? auth.authed(call) : Promise.reject(new Error('this account has no HTTP credentials')),
    connectionState: () => link.state(),
    synced: () => link.synced(),
    basic: () => link.basic(),
    recallWindowMs: () => link.recallWindowMs(),
    emitMessages,
    emitConversations,
    waitForLogin: (timeoutMs: number) => link.waitForLogin(timeoutMs),
    retryNow: () => link.retryNow(),
    systemEvent: (event: SystemEvent) => link.systemEvent(event),
    close(): Promise<void> {
      closing ??= (async () => {
        link.close();
        await opened?.catch(() => undefined);
        const drained = syncer.stop();
        connection.stop();
        commands.linkDown();
        outbox.stop();
        await files?.stop();
        await drained.catch((error: unknown) => logger.warn('sync.stop-failed', { error: errorText(error) }));
        await broadcasts?.stop();
        await tasks.idle();
        await store.close();
      })();
      return closing;
    },
  });
}
