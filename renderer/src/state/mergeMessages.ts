import type { Message, MessageStatus } from '../../../shared/ipc/models';

/**
 * How far a message's delivery has come. A reply and an event about the same message can
 * arrive in either order, so an update may only move a message forward, never back
 * (failed → sending is a retry and allowed, as both rank 0).
 */
const progress: Readonly<Record<MessageStatus, number>> = {
  sending: 0,
  failed: 0,
  sent: 1,
  received: 1,
  read: 2,
};

/** Server order (seq) first; messages the server has not numbered yet follow, by send time. */
export function compareMessages(a: Message, b: Message): number {
  if (a.seq !== null && b.seq !== null && a.seq !== b.seq) return a.seq - b.seq;
  if (a.seq === null && b.seq !== null) return 1;
  if (a.seq !== null && b.seq === null) return -1;
  if (a.sentAt !== b.sentAt) return a.sentAt - b.sentAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function mergeOne(existing: Message, incoming: Message): Message {
  if (progress[incoming.status] < progress[existing.status]) {
    // Stale update: keep what we know, but take a sequence it may carry that we lack.
    return existing.seq === null && incoming.seq !== null ? { ...existing, seq: incoming.seq } : existing;
  }
  return incoming.seq === null && existing.seq !== null ? { ...incoming, seq: existing.seq } : incoming;
}

/** Merges updates into a conversation's messages by id and returns them in display order. */
export function mergeMessages(current: readonly Message[], updates: readonly Message[]): Message[] {
  if (updates.length === 0) return [...current];
  const byId = new Map<string, Message>(current.map((m) => [m.id, m]));
  for (const update of updates) {
    const existing = byId.get(update.id);
    byId.set(update.id, existing ? mergeOne(existing, update) : update);
  }
  return [...byId.values()].sort(compareMessages);
}
