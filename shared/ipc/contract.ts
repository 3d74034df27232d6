import type { z } from 'zod';
import { authChannels } from './channels/auth';
import { conversationChannels, conversationEvents } from './channels/conversations';
import { messageChannels, messageEvents } from './channels/messages';

export type { ChannelSpec } from './channels/spec';

/**
 * The renderer ↔ main contract, one file per domain under channels/. Channels are
 * `domain:verb`; the preload exposes each as `api.domain.verb(request)`. Every request is
 * validated on the main side before a handler runs.
 */
export const channels = {
  ...authChannels,
  ...conversationChannels,
  ...messageChannels,
} as const;

/** Main → renderer events. Payloads are validated where they are received. */
export const events = {
  ...conversationEvents,
  ...messageEvents,
} as const;

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
