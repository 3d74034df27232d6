import { FrameType, Typeu, type InboxEvent } from '../../../shared/protocol';
import type { TestClient } from '../helpers/wsClient';
import { parseNotify } from '../sync/helpers/devices';

/** A predicate for a `message` inbox event of the group carrying a notice of this kind. */
export function noticeEvent(conversationId: string, event: string): (e: InboxEvent) => boolean {
  return (e) =>
    e.type === 'message' &&
    e.conversationId === conversationId &&
    e.message?.kind === 'notice' &&
    (e.message.body as { event?: string }).event === event;
}

/** The next notify that carries a cursor for this group at `seq` or later. */
export async function takeGroupCursor(
  client: TestClient,
  conversationId: string,
  seq: number,
): Promise<number> {
  const frame = await client.take(
    (f) =>
      f.type === FrameType.data &&
      f.typeu === Typeu.notify &&
      (parseNotify(f).cursors.groups?.[conversationId] ?? 0) >= seq,
    `group cursor ${conversationId} ≥ ${seq}`,
  );
  return parseNotify(frame).cursors.groups?.[conversationId] ?? 0;
}
