/**
 * Conversation ids. One-to-one conversations are named by their two user ids in a fixed
 * order, so both sides and the server derive the same id without a lookup.
 */
export function directConversationId(a: string, b: string): string {
  return a < b ? `d:${a}:${b}` : `d:${b}:${a}`;
}

/** The other member of a one-to-one conversation, or null if `conversationId` is not one of `me`'s. */
export function directPeer(conversationId: string, me: string): string | null {
  const match = /^d:([^:]+):([^:]+)$/.exec(conversationId);
  if (!match) return null;
  const [, a, b] = match;
  if (a === me) return b ?? null;
  if (b === me) return a ?? null;
  return null;
}
