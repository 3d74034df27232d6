import { z } from 'zod';

/**
 * Broadcast notices. They live as messages of kind `broadcast` (body: BroadcastNoticeBody) in
 * the "System notices" conversation (SYSTEM_NOTICES_CONVERSATION_ID, kind `system`), so the
 * normal message list shows them and `messages:changed` / `messages:removed` carry them too;
 * these events say the same for a UI that wants notices alone (a banner, a tray balloon).
 */
export const broadcastNoticeBodySchema = z.object({
  title: z.string(),
  body: z.string(),
  publishedAt: z.number(),
  /** Epoch ms after which the notice disappears; null = never. */
  expiresAt: z.number().nullable(),
});
export type BroadcastNoticeBody = z.infer<typeof broadcastNoticeBodySchema>;

/** The message kind of a broadcast notice. */
export const BROADCAST_MESSAGE_KIND = 'broadcast';

export const broadcastNoticeSchema = broadcastNoticeBodySchema.extend({
  /** The id of its message in the System notices conversation: `broadcast:<the server's broadcast id>`. */
  id: z.string(),
});
export type BroadcastNotice = z.infer<typeof broadcastNoticeSchema>;

export const broadcastEvents = {
  /** Notices that arrived or changed, oldest first. */
  'broadcasts:changed': z.object({ notices: z.array(broadcastNoticeSchema) }),
  /** Notices gone from this device: recalled by the server, or expired. */
  'broadcasts:removed': z.object({ ids: z.array(z.string()), reason: z.enum(['recalled', 'expired']) }),
} as const satisfies Record<string, z.ZodType>;
