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

/** A link from a message: only web and mail links ever leave the app. */
const externalUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .url()
  .refine((u) => /^(https?:\/\/|mailto:)/i.test(u), 'must be an http(s) or mailto link');

const messageId = z.string().min(1).max(200);

export const appChannels = {
  /** Opens a link from a message in the system browser (or mail app). */
  'app:openExternal': {
    request: z.object({ url: externalUrlSchema }),
    response: z.object({ opened: z.boolean() }),
  },
  /**
   * Opens a message's downloaded (or sent) file with the system's default app. By message, not
   * by path, so the page can open only files the engine itself stored; false when there is none.
   */
  'app:openFile': { request: z.object({ messageId }), response: z.object({ opened: z.boolean() }) },
  /** Shows a message's downloaded (or sent) file in the system file manager; false when there is none. */
  'app:showFile': { request: z.object({ messageId }), response: z.object({ shown: z.boolean() }) },
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
