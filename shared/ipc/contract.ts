import type { z } from 'zod';
import { appChannels, appEvents } from './channels/app';
import { authChannels } from './channels/auth';
import { broadcastEvents } from './channels/broadcasts';
import { connectionChannels, connectionEvents } from './channels/connection';
import { contactChannels, contactEvents } from './channels/contacts';
import { conversationChannels, conversationEvents } from './channels/conversations';
import { fileChannels, fileEvents } from './channels/files';
import { groupChannels, groupEvents } from './channels/groups';
import { messageChannels, messageEvents } from './channels/messages';
import { profileChannels, profileEvents } from './channels/profile';
import { searchChannels, searchEvents } from './channels/search';
import { settingsChannels, settingsEvents } from './channels/settings';
import { storageChannels } from './channels/storage';
import { syncChannels, syncEvents } from './channels/sync';
import { updateChannels, updateEvents } from './channels/update';

export type { ChannelSpec } from './channels/spec';
export * from './channels/contacts';

/**
 * The renderer ↔ main contract, one file per domain under channels/. Channels are
 * `domain:verb`; the preload exposes each as `api.domain.verb(request)`. Every request is
 * validated on the main side before a handler runs.
 */
export const channels = {
  ...authChannels,
  ...conversationChannels,
  ...messageChannels,
  ...connectionChannels,
  ...syncChannels,
  ...settingsChannels,
  ...updateChannels,
  ...appChannels,
  ...searchChannels,
  ...fileChannels,
  ...contactChannels,
  ...groupChannels,
  ...storageChannels,
  ...profileChannels,
} as const;

/** Main → renderer events. Payloads are validated where they are received. */
export const events = {
  ...conversationEvents,
  ...messageEvents,
  ...connectionEvents,
  ...syncEvents,
  ...settingsEvents,
  ...updateEvents,
  ...appEvents,
  ...searchEvents,
  ...fileEvents,
  ...contactEvents,
  ...groupEvents,
  ...broadcastEvents,
  ...profileEvents,
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

/** Domains the desktop shell (electron/main) answers itself; every other channel is the engine's. */
export type ShellChannel = Extract<Channel, `update:${string}` | `app:${string}`>;
export type EngineChannel = Exclude<Channel, ShellChannel>;

export function isShellChannel(name: Channel): name is ShellChannel {
  return name.startsWith('update:') || name.startsWith('app:');
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
