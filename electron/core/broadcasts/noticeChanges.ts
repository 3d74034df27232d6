import { z } from 'zod';
import { conversationSchema, messageSchema, type Message } from '../../../shared/ipc';
import { broadcastNoticeBodySchema, type BroadcastNotice } from '../../../shared/ipc/channels/broadcasts';
import type { NoticeChanges } from './noticeStore';

/** The store extension's answer crosses the worker boundary as `unknown`: checked here. */
export const noticeChangesSchema = z.object({
  changed: z.array(messageSchema),
  removed: z.array(z.object({ id: z.string(), reason: z.enum(['recalled', 'expired']) })),
  conversation: conversationSchema.nullable(),
  nextExpiry: z.number().nullable(),
});

export function parseNoticeChanges(value: unknown): NoticeChanges {
  return noticeChangesSchema.parse(value);
}

/** A stored notice message as the broadcasts events show it; null if its body is not a notice. */
export function toNotice(message: Message): BroadcastNotice | null {
  const body = broadcastNoticeBodySchema.safeParse(message.body);
  return body.success ? { id: message.id, ...body.data } : null;
}
