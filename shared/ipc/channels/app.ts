import { z } from 'zod';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

/**
 * Where the desktop shell asks the page to go: a `tidings://` link the OS handed to the app, or
 * a click on a message notification.
 */
export const navigationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conversation'), conversationId: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('addFriend'), username: z.string().min(1).max(64) }),
]);
export type Navigation = z.infer<typeof navigationSchema>;

export const appChannels = {
  /** Shows the app's log file in the system file manager. */
  'app:revealLogs': { request: emptyRequest, response: z.object({ shown: z.boolean() }) },
  /**
   * Returns the navigation waiting for the page and forgets it; null when there is none. The
   * page calls it once it can navigate and whenever `app:navigationRequested` fires, so a link
   * that arrives before the page is ready is never lost.
   */
  'app:takeNavigation': { request: emptyRequest, response: navigationSchema.nullable() },
} as const satisfies Record<string, ChannelSpec>;

export const appEvents = {
  /** A navigation is waiting: fetch it with `app:takeNavigation`. */
  'app:navigationRequested': z.object({}),
} as const satisfies Record<string, z.ZodType>;
