import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../../protocol/appTypes';
import { messageSchema } from '../models';
import type { ChannelSpec } from './spec';

export const messageChannels = {
  'messages:list': {
    request: z.object({
      conversationId: z.string().min(1).max(200),
      /** Page backwards from this sequence (exclusive); omit for the newest page. */
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    response: z.array(messageSchema),
  },
  'messages:send': {
    request: z.object({
      conversationId: z.string().min(1).max(200),
      text: z.string().min(1).max(MAX_TEXT_LENGTH),
    }),
    response: messageSchema,
  },
} as const satisfies Record<string, ChannelSpec>;

export const messageEvents = {
  /** Messages inserted or updated (status, seq) in one conversation, oldest first. */
  'messages:changed': z.object({ conversationId: z.string(), messages: z.array(messageSchema) }),
} as const satisfies Record<string, z.ZodType>;
