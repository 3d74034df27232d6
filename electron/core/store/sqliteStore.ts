import type { Message, Peer } from '../../../shared/ipc';
import { directPeer, type WireMessage } from '../../../shared/protocol';
import { statusesBefore } from '../domain/messageStatus';
import { messagePreview } from '../domain/preview';
import { createConversationRepository } from './conversationRepository';
import { openDatabase, type OpenDatabaseOptions } from './database';
import { createMessageRepository } from './messageRepository';
import { createMetaRepository } from './metaRepository';
import { createOutboxRepository } from './outboxRepository';
import { toConversation, toMessage } from './rows';
import type { ApplyOutcome, Store } from './store';

const DEVICE_ID_KEY = 'deviceId';

/**
 * The Store on better-sqlite3, in this thread. Repositories hold the SQL; this file only
 * decides what goes into one transaction.
 */
export function createSqliteStore(file: string, options: OpenDatabaseOptions = {}): Store {
  const db = openDatabase(file, options);
  const messages = createMessageRepository(db);
  const conversations = createConversationRepository(db);
  const outbox = createOutboxRepository(db);
  const meta = createMetaRepository(db);

  const conversationById = (id: string) => {
    const row = conversations.byId(id);
    if (!row) throw new Error(`conversation ${id} vanished inside its own transaction`);
    return toConversation(row);
  };
  const messageByFp = (fp: string): Message | null => {
    const row = messages.byFp(fp);
    return row ? toMessage(row) : null;
  };

  const moveStatus = db.transaction((fp: string, to: 'sent' | 'failed'): Message | null => {
    const moved = messages.setStatus(fp, to, statusesBefore(to));
    // Whether or not the status could move, nothing is pending for this fp any more.
    outbox.remove(fp);
    return moved ? messageByFp(fp) : null;
  });

  const applyIncoming = db.transaction((wire: WireMessage, me: string, now: number): ApplyOutcome => {
    const known = messages.byFp(wire.fp);
    if (known) {
      if (known.conversation_id !== wire.conversationId) return { kind: 'duplicate' };
      let changed = false;
      if (known.seq === null && !messages.bySeq(wire.conversationId, wire.seq)) {
        changed = messages.setSeq(wire.fp, wire.seq, wire.id) || changed;
      }
      if (known.outgoing === 1) {
        // The server pushes only what it stored, so our own message is at least sent.
        changed = messages.setStatus(wire.fp, 'sent', statusesBefore('sent')) || changed;
        if (outbox.remove(wire.fp)) changed = true;
      }
      const message = messageByFp(wire.fp);
      return changed && message ? { kind: 'updated', message } : { kind: 'duplicate' };
    }
    if (messages.bySeq(wire.conversationId, wire.seq)) return { kind: 'duplicate' };

    const outgoing = wire.senderId === me;
    conversations.insertIfMissing(wire.conversationId, directPeer(wire.conversationId, me), now);
    messages.insert({
      fp: wire.fp,
      conversation_id: wire.conversationId,
      seq: wire.seq,
      server_id: wire.id,
      sender_id: wire.senderId,
      outgoing: outgoing ? 1 : 0,
      sent_at: wire.sentAt,
      kind: wire.kind,
      body: JSON.stringify(wire.body),
      status: outgoing ? 'sent' : 'received',
    });
    conversations.noteMessage(
      wire.conversationId,
      { preview: messagePreview(wire.kind, wire.body), sentAt: wire.sentAt, outgoing },
      outgoing ? 0 : 1,
      now,
    );
    const message = messageByFp(wire.fp);
    const row = conversations.byId(wire.conversationId);
    if (!message || !row) throw new Error('inserted rows vanished inside their own transaction');
    return {
      kind: 'inserted',
      message,
      conversation: toConversation(row),
      peerProfileMissing: row.peer_user_id !== null && row.peer_username === null,
    };
  });

  const insertOutgoing = db.transaction(
    (message: Message, entry: Readonly<{ toUserId: string; frame: string }>) => {
      messages.insert({
        fp: message.id,
        conversation_id: message.conversationId,
        seq: null,
        server_id: null,
        sender_id: message.senderId,
        outgoing: 1,
        sent_at: message.sentAt,
        kind: message.kind,
        body: JSON.stringify(message.body),
        status: message.status,
      });
      outbox.insert({
        fp: message.id,
        to_user_id: entry.toUserId,
        frame: entry.frame,
        created_at: message.sentAt,
      });
      conversations.noteMessage(
        message.conversationId,
        { preview: messagePreview(message.kind, message.body), sentAt: message.sentAt, outgoing: true },
        0,
        message.sentAt,
      );
      return conversationById(message.conversationId);
    },
  );

  const openDirect = db.transaction((id: string, peer: Peer, now: number) => {
    const created = conversations.insertIfMissing(id, peer.userId, now);
    const peerChanged = conversations.setPeer(id, peer);
    return { conversation: conversationById(id), changed: created || peerChanged };
  });

  const deviceId = db.transaction((create: () => string): string => {
    meta.insertIfMissing(DEVICE_ID_KEY, create());
    const id = meta.get(DEVICE_ID_KEY);
    if (id === null) throw new Error('device id vanished inside its own transaction');
    return id;
  });

  let closed = false;
  return Object.freeze({
    deviceId: inThread(deviceId),
    listConversations: inThread(() => conversations.all().map(toConversation)),
    getConversation: inThread((id: string) => {
      const row = conversations.byId(id);
      return row ? toConversation(row) : null;
    }),
    openDirectConversation: inThread(openDirect),
    updatePeer: inThread((conversationId: string, peer: Peer) =>
      conversations.setPeer(conversationId, peer) ? conversationById(conversationId) : null,
    ),
    insertOutgoing: inThread(insertOutgoing),
    applyIncoming: inThread(applyIncoming),
    markSent: inThread((fp: string) => moveStatus(fp, 'sent')),
    markFailed: inThread((fp: string) => moveStatus(fp, 'failed')),
    recordAttempt: inThread((fp: string, now: number) => outbox.recordAttempt(fp, now)),
    listOutbox: inThread(() =>
      outbox.all().map((row) => ({
        fp: row.fp,
        toUserId: row.to_user_id,
        frame: row.frame,
        attempts: row.attempts,
        createdAt: row.created_at,
      })),
    ),
    listMessages: inThread((conversationId: string, page: Readonly<{ beforeSeq?: number; limit: number }>) =>
      messages.page(conversationId, page.limit, page.beforeSeq).reverse().map(toMessage),
    ),
    close: inThread(() => {
      if (closed) return;
      closed = true;
      db.close();
    }),
  } satisfies Store);
}

/**
 * Runs synchronous SQLite work behind the Store's promise interface, turning a throw into a
 * rejection, so callers already treat every call as a worker-thread call would be.
 */
function inThread<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => Promise<R> {
  return (...args: A) => {
    try {
      return Promise.resolve(work(...args));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
