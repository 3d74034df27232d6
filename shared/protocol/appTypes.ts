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

/** Server-made file ids (POST /api/files): 32 lower-case hex digits. */
export const fileIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a file id');

/**
 * A file uploaded through /api/files. Outgoing: `fileId` and optionally another `name` to show;
 * stored: the server fills `name`, `size`, `mime` and `sha256` from the upload (never the
 * client's copy), so the receiver can verify what it downloads.
 */
export const fileBodySchema = z.object({
  fileId: fileIdSchema,
  name: z.string().min(1).max(255).optional(),
  size: z.number().int().min(0).optional(),
  mime: z.string().max(127).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type FileBody = z.infer<typeof fileBodySchema>;

/**
 * An image: a file whose pixel size the server read from its header (PNG, JPEG, GIF, WebP).
 * The server makes no thumbnail; a client may upload a small one and name it `thumbnailFileId`.
 */
export const imageBodySchema = fileBodySchema.extend({
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  thumbnailFileId: fileIdSchema.optional(),
});
export type ImageBody = z.infer<typeof imageBodySchema>;

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
  /** Group notices (social.ts): `actorId` acted on `targetIds`; `text` is a new name or announcement. */
  groupCreated: 'group-created',
  memberJoined: 'member-joined',
  memberKicked: 'member-kicked',
  memberQuit: 'member-quit',
  groupDissolved: 'group-dissolved',
  groupRenamed: 'group-renamed',
  groupNotice: 'group-notice',
  ownerTransferred: 'owner-transferred',
  adminSet: 'admin-set',
  adminUnset: 'admin-unset',
} as const;

/** What a client sends (typeu 1). Only kinds the sender knows; the server re-validates. */
export const outgoingMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), body: textBodySchema }),
  z.object({ kind: z.literal('card'), body: cardBodySchema }),
  z.object({ kind: z.literal('forward'), body: forwardBodySchema }),
  z.object({ kind: z.literal('image'), body: imageBodySchema }),
  z.object({ kind: z.literal('file'), body: fileBodySchema }),
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
