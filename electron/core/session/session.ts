import type { Account, Conversation, Message } from '../../../shared/ipc';
import type { EngineDeps } from '../deps/engineDeps';
import type { EventHub } from '../events/eventHub';
import type { ApiClient } from '../http/apiClient';
import { gatewayUrl } from '../http/serverUrls';
import { createConnection, type Connection } from '../net/connection';
import { accountDatabasePath } from '../store/database';
import type { Store } from '../store/store';
import { createInboundHandler } from '../sync/inboundHandler';
import { createOutboxSender, type OutboxSender } from '../sync/outboxSender';
import { createPeerProfiles } from '../sync/peerProfiles';
import { createTaskTracker } from './taskTracker';

/** How the first WebSocket login of a session went, as far as `auth:*` waits for it. */
export type LoginWait = 'ready' | 'rejected' | 'kicked' | 'timeout';

/** One signed-in account: its store, its link to the server and its outbox. */
export type Session = Readonly<{
  account: Account;
  token: string;
  api: ApiClient;
  store: Store;
  outbox: Pick<OutboxSender, 'enqueue'>;
  emitMessages(conversationId: string, messages: readonly Message[]): void;
  emitConversations(conversations: readonly Conversation[]): void;
  /** Resolves when the WebSocket login is answered or `timeoutMs` passes, whichever is first. */
  waitForLogin(timeoutMs: number): Promise<LoginWait>;
  /** Skips the reconnect backoff (the network came back, the machine resumed). */
  reconnectNow(): void;
  close(): Promise<void>;
}>;

export type OpenSessionInput = Readonly<{
  account: Account;
  token: string;
  api: ApiClient;
  deps: EngineDeps;
  events: EventHub;
}>;

export async function openSession({ account, token, api, deps, events }: OpenSessionInput): Promise<Session> {
  const { logger, timers, clock } = deps;
  const store = deps.openStore(accountDatabasePath(deps.dataDir, account.userId));
  const tasks = createTaskTracker(logger);
  let connection: Connection;
  let outbox: OutboxSender;
  try {
    const deviceId = await store.deviceId(deps.generateId);
    connection = createConnection({
      url: gatewayUrl(account.serverUrl),
      userId: account.userId,
      token,
      deviceId,
      WebSocket: deps.WebSocket,
      timers,
      random: deps.random,
      logger,
      tuning: deps.tuning,
    });
    outbox = createOutboxSender({
      store,
      connection,
      clock,
      timers,
      logger,
      tasks,
      tuning: deps.tuning,
      onChanged: (message) => emitMessages(message.conversationId, [message]),
    });
    await outbox.load();
  } catch (error) {
    await store.close();
    throw error;
  }

  function emitMessages(conversationId: string, messages: readonly Message[]): void {
    events.emit({ name: 'messages:changed', payload: { conversationId, messages: [...messages] } });
  }
  function emitConversations(conversations: readonly Conversation[]): void {
    events.emit({ name: 'conversations:changed', payload: { conversations: [...conversations] } });
  }

  const peerProfiles = createPeerProfiles({
    api,
    token,
    store,
    tasks,
    logger,
    onChanged: (conversation) => emitConversations([conversation]),
  });
  const onFrame = createInboundHandler({
    me: account.userId,
    store,
    outbox,
    peerProfiles,
    send: (frame) => connection.send(frame),
    clock,
    tasks,
    logger,
    onMessages: emitMessages,
    onConversations: emitConversations,
  });

  const loginWaiters = new Set<(outcome: LoginWait) => void>();
  let firstOutcome: LoginWait | null = null;
  const settleLogin = (outcome: LoginWait): void => {
    firstOutcome ??= outcome;
    for (const waiter of [...loginWaiters]) waiter(outcome);
    loginWaiters.clear();
  };

  connection.on((event) => {
    switch (event.type) {
      case 'ready':
        settleLogin('ready');
        outbox.resendAll();
        return;
      case 'frame':
        onFrame(event.frame);
        return;
      case 'rejected':
        if (!event.retrying) settleLogin('rejected');
        return;
      case 'kicked':
        settleLogin('kicked');
        return;
      case 'lost':
        return;
    }
  });
  connection.start();

  let closing: Promise<void> | null = null;
  return Object.freeze({
    account,
    token,
    api,
    store,
    outbox,
    emitMessages,
    emitConversations,
    reconnectNow: () => connection.reconnectNow(),
    waitForLogin(timeoutMs: number): Promise<LoginWait> {
      if (firstOutcome !== null) return Promise.resolve(firstOutcome);
      return new Promise<LoginWait>((resolve) => {
        const timer = timers.setTimeout(() => {
          loginWaiters.delete(done);
          resolve('timeout');
        }, timeoutMs);
        const done = (outcome: LoginWait): void => {
          timers.clearTimeout(timer);
          resolve(outcome);
        };
        loginWaiters.add(done);
      });
    },
    close(): Promise<void> {
      closing ??= (async () => {
        connection.stop();
        outbox.stop();
        settleLogin('timeout');
        await tasks.idle();
        await store.close();
      })();
      return closing;
    },
  });
}
