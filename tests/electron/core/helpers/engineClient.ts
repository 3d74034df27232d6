import Database from 'better-sqlite3';
import path from 'node:path';
import { expect } from 'vitest';
import type { Account, Channel, Conversation, Message, RequestOf, ResponseOf } from '../../../../shared/ipc';
import {
  createEngineHost,
  type EngineEvent,
  type EngineHost,
  type EngineHostOptions,
} from '../../../../electron/core';
import { waitFor } from '../../../helpers/serverProcess';
import { createCaptureLogger } from './captureLogger';

export type EngineClient = Awaited<ReturnType<typeof createEngineClient>>;

/** A real engine host (real `ws`, fetch and SQLite) with its events recorded, for the integration tests. */
export function createEngineClient(dataDir: string, options: Partial<EngineHostOptions> = {}) {
  const logger = createCaptureLogger();
  const host: EngineHost = createEngineHost({
    dataDir,
    logger,
    ...options,
    // Fast reconnects and retransmits keep the tests short; the protocol timings stay the defaults.
    tuning: { reconnectBaseMs: 100, reconnectCapMs: 1_000, retryIntervalMs: 500, ...options.tuning },
  });
  const events: EngineEvent[] = [];
  host.onEvent((event) => events.push(event));
  let account: Account | null = null;

  /** Calls a channel and fails the test unless it succeeded. */
  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await host.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value as ResponseOf<C>;
  }

  const messageEvents = (): Message[] =>
    events.flatMap((e) => (e.name === 'messages:changed' ? e.payload.messages : []));
  const conversationEvents = (): Conversation[] =>
    events.flatMap((e) => (e.name === 'conversations:changed' ? e.payload.conversations : []));

  return {
    host,
    dataDir,
    logger,
    events,
    call,
    messageEvents,
    conversationEvents,
    async register(serverUrl: string, username: string, displayName = username): Promise<Account> {
      account = await call('auth:register', { serverUrl, username, password: 'password-123', displayName });
      return account;
    },
    async login(serverUrl: string, username: string): Promise<Account> {
      account = await call('auth:login', { serverUrl, username, password: 'password-123' });
      return account;
    },
    /** The account the engine signed in again by itself (after a restart on the same data dir). */
    async restored(): Promise<Account> {
      const current = await call('auth:current', {});
      if (!current) throw new Error('no account was restored');
      account = current;
      return current;
    },
    get account(): Account {
      if (!account) throw new Error('not registered');
      return account;
    },
    databaseFile(): string {
      if (!account) throw new Error('not registered');
      return path.join(dataDir, 'accounts', account.userId, 'tidings.db');
    },
    /** Runs a query on the engine's own SQLite file (read-only, beside the engine's connection). */
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new Database(this.databaseFile(), { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    /** Waits for the message with this fp to reach `status` in an event. */
    async waitForStatus(fp: string, status: Message['status'], timeoutMs = 30_000): Promise<Message> {
      return waitFor(() => messageEvents().find((m) => m.id === fp && m.status === status), {
        timeoutMs,
        what: `message ${fp} ${status}`,
      });
    },
    /** Waits until a messages:changed event carried this text. */
    async waitForText(text: string, timeoutMs = 30_000): Promise<Message> {
      return waitFor(() => messageEvents().find((m) => m.body.text === text), {
        timeoutMs,
        what: `message "${text}"`,
      });
    },
    /** Waits until the connection logged in `times` times (re-logins count). */
    async waitForLogins(times: number, timeoutMs = 30_000): Promise<void> {
      await waitFor(() => logger.count('connection.ready') >= times, { timeoutMs, what: `${times} logins` });
    },
    assertNoErrors(): void {
      expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    },
    close: () => host.close(),
  };
}
