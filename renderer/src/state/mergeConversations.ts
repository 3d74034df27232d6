import type { Conversation } from '../../../shared/ipc/models';

/** Replaces conversations by id and keeps the most recently active first. */
export function mergeConversations(
  current: readonly Conversation[],
  updates: readonly Conversation[],
): Conversation[] {
  const byId = new Map<string, Conversation>(current.map((c) => [c.id, c]));
  for (const update of updates) byId.set(update.id, update);
  return [...byId.values()].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
}
