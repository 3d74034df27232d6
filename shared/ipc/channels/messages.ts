import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../../protocol/appTypes';
import { messageSchema } from '../models';
import type { ChannelSpec } from './spec';

const conversationId = z.string().min(1).max(200);
const messageId = z.string().min(1).max(200);

export const messageChannels = {
  /**
   * A page of the timeline, oldest first: the newest page, or the messages before `beforeSeq`.
   * Messages not yet numbered by the server (being sent) belong to the newest page.
   */
  'messages:list': {
    request: z.object({
      conversationId,
      /** Page backwards from this sequence (exclusive); omit for the newest page. */
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    response: z.array(messageSchema),
  },
  'messages:send': {
    request: z.object({
      conversationId,
      text: z.string().min(1).max(MAX_TEXT_LENGTH),
      /** The sequence of the message this one replies to (same conversation). */
      replyToSeq: z.number().int().positive().optional(),
      /** User ids mentioned in the text; "all" mentions everyone in a group. */
      mentions: z.array(z.string().min(1).max(64)).max(100).optional(),
    }),
    response: messageSchema,
  },
  /**
   * Forwards a message the user can see to another conversation: the server stores a copy of
   * its kind and body (files and images included, so the receiver may download them) with
   * `forwarded: {senderId, sentAt}` naming the first author. In basic mode only text, as text.
   */
  'messages:forward': {
    request: z.object({ id: messageId, conversationId }),
    response: messageSchema,
  },
  /** Sends a failed message again, with the same fp (so the server still stores it only once). */
  'messages:retry': { request: z.object({ id: messageId }), response: messageSchema },
  /** Recalls one of the user's messages for everyone (within the server's window). */
  'messages:recall': { request: z.object({ id: messageId }), response: messageSchema },
  /** Removes messages from this device only; sync never brings them back. */
  'messages:deleteLocal': {
    request: z.object({ ids: z.array(messageId).min(1).max(500) }),
    response: z.null(),
  },
} as const satisfies Record<string, ChannelSpec>;

export const messageEvents = {
  /** Messages inserted or updated (status, seq, recall) in one conversation, oldest first. */
  'messages:changed': z.object({ conversationId: z.string(), messages: z.array(messageSchema) }),
  /** Messages removed from this device (deleted locally). */
  'messages:removed': z.object({ conversationId: z.string(), ids: z.array(z.string()) }),
} as const satisfies Record<string, z.ZodType>;
