import { z } from 'zod';

/**
 * Tidings' application layer: `typeu` codes carried in MobileIMSDK data frames (type 2).
 * Stock clients send typeu -1 with plain text; the server treats that as a text message.
 */
export const Typeu = {
  /** Stock MobileIMSDK plain text (not JSON), both directions. */
  stockText: -1,
  /** Client → server: a new message for `to` (a user id; later a group). dataContent: OutgoingMessage JSON. QoS. */
  message: 1,
  /** Server → client: a message with this fp was refused and will never be stored. dataContent: SendRefusal JSON. */
  sendRefused: 3,
  /** Server → client, once right after a Tidings device logs in. dataContent: Hello JSON (sync.ts). */
  hello: 10,
  /** Server → client: something changed; carries cursors and, for small conversations, the events. dataContent: Notify JSON. */
  notify: 11,
  /** Client → server ("0"): a command. dataContent: CommandRequest JSON (commands.ts). */
  command: 100,
  /** Server → client: the reply to a command. dataContent: CommandReply JSON. */
  commandReply: 101,
} as const;

/** Why the server refused a message (typeu 3). The sender marks it failed and stops retrying. */
export const sendRefusalSchema = z.object({
  fp: z.string().min(1),
  code: z.string().min(1),
  message: z.string(),
});
export type SendRefusal = z.infer<typeof sendRefusalSchema>;

export const MAX_TEXT_LENGTH = 8_000;

/** A user id mentioned in a text; the literal "all" mentions everyone in a group. */
const mentionsSchema = z.array(z.string().min(1).max(64)).max(100);

/** Text, optionally mentioning users and replying to an earlier message of the same conversation. */
export const textBodySchema = z.object({
  text: z.string().min(1).max(MAX_TEXT_LENGTH),
  mentions: mentionsSchema.optional(),
  /** Outgoing: the sequence replied to. Stored: the server adds the quoted sender and a preview. */
  replyTo: z
    .object({
      seq: z.number().int().positive(),
      senderId: z.string().optional(),
      preview: z.string().max(200).optional(),
    })
    .optional(),
});
export type TextBody = z.infer<typeof textBodySchema>;

/** A contact card. Outgoing: the user id; stored: the server adds username and display name. */
export const cardBodySchema = z.object({
  userId: z.string().min(1).max(64),
  username: z.string().optional(),
  displayName: z.string().optional(),
});
export type CardBody = z.infer<typeof cardBodySchema>;

/** Outgoing only: forward a message the sender can see; stored as a copy of its kind and body plus `forwarded`. */
export const forwardBodySchema = z.object({
  conversationId: z.string().min(1).max(200),
  seq: z.number().int().positive(),
});

/** Stored only, written by the server: a system notice (recall, membership, …). */
export const noticeBodySchema = z.object({
  event: z.string(),
  actorId: z.string().optional(),
  targetIds: z.array(z.string()).optional(),
  text: z.string().optional(),
});
export type NoticeBody = z.infer<typeof noticeBodySchema>;

/**
 * `event` values of notices. A recalled message keeps its id, seq, fp, sender and time but
 * becomes a notice `{event: "recall", actorId}` (its tombstone): history and pulls return it so.
 */
export const NoticeEvent = {
  recall: 'recall',
} as const;

/** What a client sends (typeu 1). Only kinds the sender knows; the server re-validates. */
export const outgoingMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), body: textBodySchema }),
  z.object({ kind: z.literal('card'), body: cardBodySchema }),
  z.object({ kind: z.literal('forward'), body: forwardBodySchema }),
]);
export type OutgoingMessage = z.infer<typeof outgoingMessageSchema>;

/**
 * A message as the server stored it. `kind` is open so that a client can keep and show
 * ("update to view") kinds added after it was released.
 */
export const wireMessageSchema = z.object({
  id: z.string().min(1),
  conversationId: z.string().min(1),
  seq: z.number().int().positive(),
  fp: z.string().min(1),
  senderId: z.string().min(1),
  sentAt: z.number().int(),
  kind: z.string().min(1),
  body: z.record(z.string(), z.unknown()),
});
export type WireMessage = z.infer<typeof wireMessageSchema>;
