import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../protocol/appTypes';
import { accountSchema, conversationSchema, messageSchema } from './models';

/** A channel: a request the renderer sends and the response it gets back. */
export type ChannelSpec = Readonly<{ request: z.ZodType; response: z.ZodType }>;

const serverUrlSchema = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');
const empty = z.object({}).strict();

/**
 * The renderer ↔ main contract. Channels are `domain:verb`; the preload exposes each as
 * `api.domain.verb(request)`. Every request is validated on the main side before a handler runs.
 */
export const channels = {
  'auth:register': {
    request: z.object({
      serverUrl: serverUrlSchema,
      username: z.string().trim().min(3).max(32),
      password: z.string().min(6).max(256),
      displayName: z.string().trim().min(1).max(64),
    }),
    response: accountSchema,
  },
  'auth:login': {
    request: z.object({
      serverUrl: serverUrlSchema,
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(256),
    }),
    response: accountSchema,
  },
  'auth:current': { request: empty, response: accountSchema.nullable() },
  'conversations:list': { request: empty, response: z.array(conversationSchema) },
  'conversations:open': {
    request: z.object({ username: z.string().trim().min(1).max(64) }),
    response: conversationSchema,
  },
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

/** Main → renderer events. Payloads are validated where they are received. */
export const events = {
  /** Messages inserted or updated (status, seq) in one conversation, oldest first. */
  'messages:changed': z.object({ conversationId: z.string(), messages: z.array(messageSchema) }),
  /** Conversations inserted or updated. */
  'conversations:changed': z.object({ conversations: z.array(conversationSchema) }),
} as const satisfies Record<string, z.ZodType>;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof channels)[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
