import { z } from 'zod';

/** Data shapes that cross the IPC boundary. Types are inferred; the schemas are the truth. */

export const accountSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  serverUrl: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const peerSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
});
export type Peer = z.infer<typeof peerSchema>;

/**
 * Delivery status of a message. Outgoing: sending → sent → read, or failed (retry goes back
 * to sending). Incoming messages are `received`.
 */
export const messageStatusSchema = z.enum(['sending', 'sent', 'read', 'failed', 'received']);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const messageSchema = z.object({
  /** Stable local id: the fp, which the sender chose and every copy keeps. */
  id: z.string(),
  conversationId: z.string(),
  /** Per-conversation sequence assigned by the server; null while not yet acknowledged. */
  seq: z.number().int().nullable(),
  senderId: z.string(),
  outgoing: z.boolean(),
  sentAt: z.number(),
  /** Open: a kind this version does not know is shown as "update to view". */
  kind: z.string(),
  body: z.record(z.string(), z.unknown()),
  status: messageStatusSchema,
});
export type Message = z.infer<typeof messageSchema>;

export const conversationSchema = z.object({
  id: z.string(),
  title: z.string(),
  peer: peerSchema.nullable(),
  lastMessage: z.object({ preview: z.string(), sentAt: z.number(), outgoing: z.boolean() }).nullable(),
  unread: z.number().int().nonnegative(),
  updatedAt: z.number(),
});
export type Conversation = z.infer<typeof conversationSchema>;
