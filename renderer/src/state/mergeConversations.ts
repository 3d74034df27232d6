import type { Conversation } from '../../../shared/ipc/models';

/** Replaces conversations by id and keeps pinned ones first, then the most recently active. */
export function mergeConversations(
  current: readonly Conversation[],
  updates: readonly Conversation[],
): Conversation[] {
  const byId = new Map<string, Conversation>(current.map((c) => [c.id, c]));
  for (const update of updates) byId.set(update.id, update);
  return [...byId.values()].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1),
  );
}
