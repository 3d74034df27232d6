import { z } from 'zod';
import { messageSchema } from '../models';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

/** Milliseconds since the epoch; both ends of a date range are inclusive. */
const epochMs = z.number().int().nonnegative().max(8_000_000_000_000);

export const searchFiltersSchema = z
  .object({
    conversationId: z.string().min(1).max(200).optional(),
    senderId: z.string().min(1).max(200).optional(),
    kind: z.string().min(1).max(64).optional(),
    since: epochMs.optional(),
    until: epochMs.optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

/** UTF-16 offsets into the hit's `text`, `end` exclusive: the UI paints `text.slice(start, end)`. */
export const matchRangeSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int() });

export const searchHitSchema = z.object({
  conversation: z.object({ id: z.string(), title: z.string() }),
  message: messageSchema,
  /** The searchable text of the message, which `ranges` index into. */
  text: z.string(),
  ranges: z.array(matchRangeSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchProgressSchema = z.object({
  state: z.enum(['ready', 'rebuilding']),
  /** Messages indexed so far by the running rebuild (equal to `total` when ready). */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type SearchProgress = z.infer<typeof searchProgressSchema>;

export const switcherEntrySchema = z.object({
  kind: z.enum(['contact', 'group', 'conversation']),
  /** The user id, group id or conversation id. */
  id: z.string(),
  title: z.string(),
  /** What else matched or identifies it (the username, a remark). */
  subtitle: z.string().nullable(),
  conversationId: z.string().nullable(),
  lastActiveAt: z.number().nullable(),
});
export type SwitcherEntry = z.infer<typeof switcherEntrySchema>;

const contextSpan = z.number().int().min(0).max(200).default(20);

export const searchChannels = {
  /** Full-text search over every stored message, newest first, one page per call. */
  'search:messages': {
    request: z.object({
      query: z.string().max(500),
      filters: searchFiltersSchema.default({}),
      /** `nextCursor` of the previous page; omit for the first. */
      cursor: z.string().min(1).max(100).optional(),
      limit: z.number().int().min(1).max(100).default(20),
      /** The last word is still being typed: match it as a prefix. */
      asYouType: z.boolean().default(false),
    }),
    response: z.object({ hits: z.array(searchHitSchema), nextCursor: z.string().nullable() }),
  },
  /** The messages around one message, for jump-to-message: by its id, or by conversation and sequence. */
  'search:context': {
    request: z.union([
      z.object({ messageId: z.string().min(1).max(200), before: contextSpan, after: contextSpan }).strict(),
      z
        .object({
          conversationId: z.string().min(1).max(200),
          seq: z.number().int().positive(),
          before: contextSpan,
          after: contextSpan,
        })
        .strict(),
    ]),
    response: z.object({
      conversationId: z.string(),
      /** Oldest first; the anchor is `messages[anchorIndex]`. */
      messages: z.array(messageSchema),
      anchorIndex: z.number().int().nonnegative(),
    }),
  },
  /** Drops and rebuilds the index in the background; progress arrives as `search:progress`. */
  'search:rebuild': { request: emptyRequest, response: searchProgressSchema },
  /** The quick switcher: people, groups and conversations by name, username, remark or pinyin. */
  'search:switcher': {
    request: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(20) }),
    response: z.array(switcherEntrySchema),
  },
} as const satisfies Record<string, ChannelSpec>;

export const searchEvents = {
  'search:progress': searchProgressSchema,
} as const satisfies Record<string, z.ZodType>;
