import { z } from 'zod';
import type { ConversationSnapshot } from '../notifications/notificationDecision';

/**
 * The fields the shell reads from a conversation, parsed on their own so the shell keeps
 * working while the conversation model grows (a missing `muted` reads as not muted).
 */
const snapshotSchema = z.object({
  id: z.string(),
  title: z.string(),
  unread: z.number().int().nonnegative(),
  muted: z.boolean().optional(),
  lastMessage: z.object({ preview: z.string(), sentAt: z.number(), outgoing: z.boolean() }).nullable(),
});

export function toSnapshot(conversation: unknown): ConversationSnapshot | null {
  const parsed = snapshotSchema.safeParse(conversation);
  if (!parsed.success) return null;
  const { muted, ...rest } = parsed.data;
  return { ...rest, muted: muted ?? false };
}

export type ConversationChange = Readonly<{
  previous: ConversationSnapshot | undefined;
  current: ConversationSnapshot;
}>;

export type ConversationTracker = Readonly<{
  /** Replaces everything known (the full list after sign-in or start). */
  reset(conversations: readonly unknown[]): void;
  /** Applies changed conversations; returns each with what it was before. */
  apply(conversations: readonly unknown[]): ConversationChange[];
  /** Forgets conversations deleted from this device. */
  remove(ids: readonly string[]): void;
  /** Forgets everything (signed out). */
  clear(): void;
  /** Unread messages the badge counts: muted conversations keep theirs to themselves. */
  totalUnread(): number;
  get(id: string): ConversationSnapshot | undefined;
}>;

export function createConversationTracker(): ConversationTracker {
  const known = new Map<string, ConversationSnapshot>();
  const snapshots = (list: readonly unknown[]): ConversationSnapshot[] =>
    list.map(toSnapshot).filter((snapshot): snapshot is ConversationSnapshot => snapshot !== null);
  return Object.freeze({
    reset(conversations: readonly unknown[]) {
      known.clear();
      for (const snapshot of snapshots(conversations)) known.set(snapshot.id, snapshot);
    },
    apply(conversations: readonly unknown[]) {
      return snapshots(conversations).map((current) => {
        const previous = known.get(current.id);
        known.set(current.id, current);
        return { previous, current };
      });
    },
    remove(ids: readonly string[]) {
      for (const id of ids) known.delete(id);
    },
    clear() {
      known.clear();
    },
    totalUnread() {
      let total = 0;
      for (const snapshot of known.values()) if (!snapshot.muted) total += snapshot.unread;
      return total;
    },
    get: (id: string) => known.get(id),
  });
}
