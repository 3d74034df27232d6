import { z } from 'zod';
import { MAX_FRIEND_REQUEST_LENGTH } from '../../protocol/social';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

/**
 * Contacts (friends and blocked users), friend requests and presence. Three domains share this
 * file because they change together: `contacts:` (the list and what the user does to one
 * entry), `friends:` (requests both ways) and `presence:` (online, last seen, privacy).
 */

const userId = z.string().min(1).max(64);

/**
 * What the user may see of someone's presence. `lastSeen` (epoch ms) is null while online,
 * when the user hides it, or before the engine has heard anything.
 */
export const presenceSchema = z.object({
  userId: z.string(),
  online: z.boolean(),
  lastSeen: z.number().nullable(),
});
export type Presence = z.infer<typeof presenceSchema>;

/** How the user stands with a contact: a friend, or someone only blocked (`none`). */
export const contactRelationSchema = z.enum(['friend', 'none']);
export type ContactRelation = z.infer<typeof contactRelationSchema>;

export const contactSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** The user's own name for the contact, on this device only; empty when none. */
  remark: z.string(),
  relation: contactRelationSchema,
  /** The user blocked this contact: their messages and requests are refused. */
  blocked: z.boolean(),
  /** Epoch ms since when the two are friends; null when they are not. */
  friendsSince: z.number().nullable(),
  /** Null until the engine has heard the contact's presence. */
  presence: presenceSchema.nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const friendRequestSchema = z.object({
  /** The other user: the asker of an incoming request, the asked of an outgoing one. */
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  message: z.string(),
  /** Epoch ms the request was made. */
  at: z.number(),
});
export type FriendRequest = z.infer<typeof friendRequestSchema>;

/** Where the user stands with someone after asking to be friends (crossing requests make friends). */
export const friendRequestOutcomeSchema = z.object({
  userId: z.string(),
  relation: z.enum(['outgoing', 'friend']),
});
export type FriendRequestOutcome = z.infer<typeof friendRequestOutcomeSchema>;

export const presencePrivacySchema = z.object({ hideLastSeen: z.boolean() });
export type PresencePrivacy = z.infer<typeof presencePrivacySchema>;

export const contactChannels = {
  /** Friends and blocked users, by remark or display name. */
  'contacts:list': { request: emptyRequest, response: z.array(contactSchema) },
  /** Contacts whose remark, display name or username contains the query (this device, no server). */
  'contacts:search': {
    request: z.object({
      query: z.string().trim().min(1).max(100),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    response: z.array(contactSchema),
  },
  /** Sets (empty: clears) the user's own name for a contact; kept on this device only. */
  'contacts:setRemark': {
    request: z.object({ userId, remark: z.string().trim().max(64) }),
    response: contactSchema,
  },
  /** Ends the friendship on both sides and every device (or withdraws a pending request). */
  'contacts:delete': { request: z.object({ userId }), response: z.null() },
  /** Refuses the user's messages and requests from now on; any friendship ends. */
  'contacts:block': { request: z.object({ userId }), response: contactSchema },
  /** The blocked user may write and ask again; they are no contact unless still friends. */
  'contacts:unblock': { request: z.object({ userId }), response: z.null() },

  /** Pending requests both ways, newest first. */
  'friends:requests': { request: emptyRequest, response: z.array(friendRequestSchema) },
  /** Asks a user (by username) to be friends; if they already asked, the two are friends at once. */
  'friends:request': {
    request: z.object({
      username: z.string().trim().min(1).max(64),
      message: z.string().max(MAX_FRIEND_REQUEST_LENGTH).default(''),
    }),
    response: friendRequestOutcomeSchema,
  },
  /** Accepts the user's pending request: the two become friends on every device of both. */
  'friends:accept': { request: z.object({ userId }), response: contactSchema },
  /** Rejects the user's pending request. */
  'friends:reject': { request: z.object({ userId }), response: z.null() },

  /** Asks the server for these users' presence (friends and fellow group members only). */
  'presence:get': {
    request: z.object({ userIds: z.array(userId).min(1).max(500) }),
    response: z.array(presenceSchema),
  },
  /** The user's own privacy setting, as last set from this account. */
  'presence:getPrivacy': { request: emptyRequest, response: presencePrivacySchema },
  /** Hides (or shows again) the user's last-seen time from everyone. */
  'presence:setPrivacy': { request: presencePrivacySchema, response: presencePrivacySchema },
} as const satisfies Record<string, ChannelSpec>;

export const contactEvents = {
  /** Contacts inserted or updated (relation, block, remark, profile, presence). */
  'contacts:changed': z.object({ contacts: z.array(contactSchema) }),
  /** Users who are no longer contacts (unfriended and not blocked). */
  'contacts:removed': z.object({ userIds: z.array(z.string()) }),
  /** The pending requests changed: the whole current list, newest first. */
  'friends:requestsChanged': z.object({ requests: z.array(friendRequestSchema) }),
  /** Someone's presence changed. */
  'presence:changed': z.object({ users: z.array(presenceSchema) }),
} as const satisfies Record<string, z.ZodType>;
