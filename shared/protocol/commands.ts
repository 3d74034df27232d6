import { z } from 'zod';
import { wireMessageSchema } from './appTypes';
import { broadcastCommands } from './broadcasts';
import { socialCommands } from './social';
import { inboxEventBaseSchema } from './sync';

/**
 * Commands to the server (type 2, `to` "0", typeu 100, no QoS: the reply is the
 * acknowledgement; a client re-sends unanswered commands after a reconnect, so every command
 * is idempotent). Replies are errors as values.
 */
export const commandRequestSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(64),
  args: z.unknown(),
});
export type CommandRequest = z.infer<typeof commandRequestSchema>;

export const commandReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), ok: z.literal(true), value: z.unknown() }),
  z.object({
    id: z.string(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type CommandReply = z.infer<typeof commandReplySchema>;

/** Error codes a command reply may carry (a client shows or handles each). */
export const CommandError = {
  invalidRequest: 'invalid-request',
  unknownCommand: 'unknown-command',
  /** The cursor is older than the server's retention: resync from `sync.conversations`. */
  cursorReset: 'cursor-reset',
  forbidden: 'forbidden',
  notFound: 'not-found',
  recallWindowPassed: 'recall-window-passed',
  rateLimited: 'rate-limited',
  /** The other user blocked this one, or this one blocked them (friend requests, messages). */
  blocked: 'blocked',
  userNotFound: 'user-not-found',
  /** The user is not (or no longer) a member of the group. */
  notAMember: 'not-a-member',
  /** The group was dissolved: it can be read, nothing else. */
  readOnly: 'read-only',
  groupFull: 'group-full',
  internal: 'internal',
} as const;

const conversationId = z.string().min(1).max(200);

/** Every command with its arguments and reply value. */
export const commands = {
  /** Inbox events after `after`, oldest first; pulling from a cursor acknowledges everything up to it. */
  'sync.inbox': {
    args: z.object({
      after: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    value: z.object({
      events: z.array(inboxEventBaseSchema),
      max: z.number().int().nonnegative(),
      hasMore: z.boolean(),
    }),
  },
  /** A page of one conversation's history: before `before` (newest first page when omitted) or after `after`. */
  'sync.history': {
    args: z.object({
      conversationId,
      before: z.number().int().positive().optional(),
      after: z.number().int().nonnegative().optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    /** Ascending by seq. */
    value: z.object({ messages: z.array(wireMessageSchema), hasMore: z.boolean() }),
  },
  /** Every conversation of the user with its newest sequence and read state: for a new device or after a reset. */
  'sync.conversations': {
    args: z.object({}),
    value: z.object({
      inbox: z.number().int().nonnegative(),
      conversations: z.array(
        z.object({
          id: conversationId,
          lastSeq: z.number().int().nonnegative(),
          readSeq: z.number().int().nonnegative(),
          /** One-to-one: how far the peer has read. */
          peerReadSeq: z.number().int().nonnegative().optional(),
        }),
      ),
    }),
  },
  /** Marks the conversation read up to `seq` (never moves backwards). */
  'read.mark': {
    args: z.object({ conversationId, seq: z.number().int().nonnegative() }),
    value: z.object({ readSeq: z.number().int().nonnegative() }),
  },
  /** Recalls a message: the sender within the window (later: group owner and admins any time). */
  'message.recall': {
    args: z.object({ conversationId, seq: z.number().int().positive() }),
    value: z.object({}),
  },
  ...socialCommands,
  ...broadcastCommands,
} as const satisfies Record<string, { args: z.ZodType; value: z.ZodType }>;

export type CommandName = keyof typeof commands;
export type CommandArgs<N extends CommandName> = z.input<(typeof commands)[N]['args']>;
export type CommandValue<N extends CommandName> = z.output<(typeof commands)[N]['value']>;
