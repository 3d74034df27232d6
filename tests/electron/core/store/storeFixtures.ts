import type Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { AccountMode } from '../../../../shared/ipc';
import type { InboxEvent, WireMessage } from '../../../../shared/protocol';
import { openDatabase } from '../../../../electron/core/store/database';
import type { NewOutgoing } from '../../../../electron/core/store/store';
import { createStoreApi, type StoreApi } from '../../../../electron/core/store/storeApi';
import type { StoreExtension } from '../../../../electron/core/store/storeExtension';
import { useTempDirs } from '../helpers/tempDirs';

export const ME = 'alice';
export const PEER = 'bob';
export const CONV = 'd:alice:bob';
export const peer = { userId: PEER, username: 'bob', displayName: 'Bob' };

const tempDir = useTempDirs('tidings-store-');
let open: Database.Database[] = [];
afterEach(() => {
  for (const db of open) if (db.open) db.close();
  open = [];
});

/** The store's operations on a real SQLite file, in this thread (as the worker runs them). */
export function newApi(
  mode: AccountMode = 'tidings',
  extensions: readonly StoreExtension[] = [],
): { api: StoreApi; db: Database.Database; file: string } {
  const file = path.join(tempDir(), 'tidings.db');
  const db = openDatabase(file);
  open.push(db);
  return { api: createStoreApi(db, { userId: ME, mode }, extensions), db, file };
}

export const outgoing = (
  fp: string,
  sentAt: number,
  text = 'hi',
  extra: Partial<NewOutgoing> = {},
): NewOutgoing => ({
  fp,
  conversationId: CONV,
  sentAt,
  kind: 'text',
  body: { text },
  toUserId: PEER,
  frame: `{"fp":"${fp}"}`,
  ...extra,
});

export const wire = (
  fp: string,
  seq: number,
  sentAt = seq * 10,
  senderId = PEER,
  text = `m${seq}`,
): WireMessage => ({
  id: `srv-${fp}`,
  conversationId: CONV,
  seq,
  fp,
  senderId,
  sentAt,
  kind: 'text',
  body: { text },
});

let inboxSeq = 0;
/** Inbox events with increasing inbox sequences. */
export const event = {
  message: (message: WireMessage): InboxEvent => ({
    seq: ++inboxSeq,
    at: message.sentAt,
    type: 'message',
    conversationId: message.conversationId,
    messageSeq: message.seq,
    message,
  }),
  recall: (messageSeq: number, by = PEER): InboxEvent => ({
    seq: ++inboxSeq,
    at: 999,
    type: 'recall',
    conversationId: CONV,
    messageSeq,
    by,
  }),
  read: (readSeq: number): InboxEvent => ({
    seq: ++inboxSeq,
    at: 1,
    type: 'read',
    conversationId: CONV,
    readSeq,
  }),
  receipt: (readSeq: number): InboxEvent => ({
    seq: ++inboxSeq,
    at: 1,
    type: 'receipt',
    conversationId: CONV,
    readSeq,
    by: PEER,
  }),
};

export const count = (db: Database.Database, sql: string, ...params: unknown[]): unknown =>
  db
    .prepare(sql)
    .pluck()
    .get(...params);
