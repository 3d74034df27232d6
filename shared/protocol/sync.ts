import { z } from 'zod';
import { wireMessageSchema } from './appTypes';
import {
  friendInboxEventSchema,
  groupInboxEventSchema,
  mentionInboxEventSchema,
  presenceStateSchema,
} from './social';

/**
 * Notify-pull sync (docs/PROTOCOL.md). Each user has a private inbox ordered by its own
 * sequence; devices pull it by cursor, and a device's pull cursor is its acknowledgement.
 */

/** What a device needs to notice anything it missed. Later issues fill `public` and `groups`. */
export const cursorsSchema = z.object({
  /** Highest sequence in the user's private inbox. */
  inbox: z.number().int().nonnegative(),
  /** Highest public-inbox (broadcast) sequence visible to the user. */
  public: z.number().int().nonnegative().optional(),
  /** Large groups: conversation id → its newest message sequence. */
  groups: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type Cursors = z.infer<typeof cursorsSchema>;

/**
 * One entry of a private inbox. `type` is open so that an older client skips kinds of event it
 * does not know (it still advances its cursor past them).
 */
export const inboxEventBaseSchema = z.looseObject({
  seq: z.number().int().positive(),
  type: z.string(),
  at: z.number().int(),
});

export const knownInboxEventSchema = z.discriminatedUnion('type', [
  /** A message in one of the user's conversations (also the user's own, for their other devices). */
  z.object({
    seq: z.number().int().positive(),
    at: z.number().int(),
    type: z.literal('message'),
    conversationId: z.string(),
    messageSeq: z.number().int().positive(),
    /** Joined in by the server for pulls and for notifies of small conversations. */
    message: wireMessageSchema.optional(),
  }),
  /** A message was recalled: the client replaces it with a tombstone. */
  z.object({
    seq: z.number().int().positive(),
    at: z.number().int(),
    type: z.literal('recall'),
    conversationId: z.string(),
    messageSeq: z.number().int().positive(),
    by: z.string(),
  }),
  /** The user read up to `readSeq` on another device. */
  z.object({
    seq: z.number().int().positive(),
    at: z.number().int(),
    type: z.literal('read'),
    conversationId: z.string(),
    readSeq: z.number().int().nonnegative(),
  }),
  /** The peer of a one-to-one conversation read the user's messages up to `readSeq`. */
  z.object({
    seq: z.number().int().positive(),
    at: z.number().int(),
    type: z.literal('receipt'),
    conversationId: z.string(),
    readSeq: z.number().int().nonnegative(),
    by: z.string(),
  }),
  /** A change between the user and a peer (social.ts): friend lists converge from these. */
  friendInboxEventSchema,
  groupInboxEventSchema,
  mentionInboxEventSchema,
]);
export type InboxEvent = z.infer<typeof knownInboxEventSchema>;

/** typeu 10: sent once right after a Tidings device logs in. A client that gets none is on a stock server. */
export const helloSchema = z.object({
  server: z.object({ name: z.string(), version: z.string(), capabilities: z.array(z.string()) }),
  deviceId: z.string(),
  cursors: cursorsSchema,
  limits: z.object({ recallWindowMs: z.number().int(), maxTextLength: z.number().int() }),
});
export type Hello = z.infer<typeof helloSchema>;

/** typeu 11: sent (without QoS) to online devices when something changed for them. */
export const notifySchema = z.object({
  cursors: cursorsSchema,
  /** Inline events (small conversations), contiguous and in inbox order; a client that has a gap pulls instead. */
  events: z.array(inboxEventBaseSchema).optional(),
  /** Presence changes of friends and fellow members of small groups (not in the inbox: only the latest matters). */
  presence: z.array(presenceStateSchema).optional(),
});
export type Notify = z.infer<typeof notifySchema>;

/** dataContent of a keepalive answer (51) to a Tidings device; stock devices get "{}". */
export const keepaliveAnswerSchema = z.object({ cursors: cursorsSchema.optional() });
export type KeepaliveAnswer = z.infer<typeof keepaliveAnswerSchema>;

/** The capability a Tidings client announces in its login `extra`; it gets a hello and notify-pull sync. */
export const TIDINGS_CAPABILITY = 'tidings/1';

/**
 * The login `extra` of a Tidings client (a JSON string inside the login payload). A login
 * without it is a stock MobileIMSDK client, on the user's single default device.
 */
export const loginExtraSchema = z.object({
  deviceId: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'letters, digits, . _ : - only (at most 128)'),
  capabilities: z.array(z.string().max(64)).max(32).default([]),
});
export type LoginExtra = z.infer<typeof loginExtraSchema>;

/** The device id of a user's stock MobileIMSDK client (a login without Tidings `extra`). */
export const STOCK_DEVICE_ID = 'stock';
