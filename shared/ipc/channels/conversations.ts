import { z } from 'zod';
import { conversationSchema } from '../models';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

const conversationId = z.string().min(1).max(200);

export const conversationChannels = {
  /** Pinned first, then the most recently active. */
  'conversations:list': { request: emptyRequest, response: z.array(conversationSchema) },
  /** Opens (creating if needed) the one-to-one conversation with a user; in basic mode, by user id. */
  'conversations:open': {
    request: z.object({ username: z.string().trim().min(1).max(64) }),
    response: conversationSchema,
  },
  /** Everything up to the newest message is read; other devices and the peer learn it. */
  'conversations:markRead': { request: z.object({ conversationId }), response: conversationSchema },
  /** Every conversation is read up to its newest message; returns the conversations that changed. */
  'conversations:markAllRead': { request: emptyRequest, response: z.array(conversationSchema) },
  'conversations:pin': {
    request: z.object({ conversationId, pinned: z.boolean() }),
    response: conversationSchema,
  },
  'conversations:mute': {
    request: z.object({ conversationId, muted: z.boolean() }),
    response: conversationSchema,
  },
  'conversations:setDraft': {
    request: z.object({ conversationId, draft: z.string().max(8_000) }),
    response: conversationSchema,
  },
  /**
   * Removes the conversation and its messages from this device only. Sync never brings
   * them back; a newer message makes the conversation reappear.
   */
  'conversations:deleteLocal': { request: z.object({ conversationId }), response: z.null() },
} as const satisfies Record<string, ChannelSpec>;

export const conversationEvents = {
  /** Conversations inserted or updated. */
  'conversations:changed': z.object({ conversations: z.array(conversationSchema) }),
  /** Conversations removed from this device. */
  'conversations:removed': z.object({ conversationIds: z.array(z.string()) }),
} as const satisfies Record<string, z.ZodType>;
