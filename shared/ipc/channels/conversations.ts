import { z } from 'zod';
import { conversationSchema } from '../models';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

export const conversationChannels = {
  'conversations:list': { request: emptyRequest, response: z.array(conversationSchema) },
  'conversations:open': {
    request: z.object({ username: z.string().trim().min(1).max(64) }),
    response: conversationSchema,
  },
} as const satisfies Record<string, ChannelSpec>;

export const conversationEvents = {
  /** Conversations inserted or updated. */
  'conversations:changed': z.object({ conversations: z.array(conversationSchema) }),
} as const satisfies Record<string, z.ZodType>;
