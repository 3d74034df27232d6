import { z } from 'zod';
import { conversationSchema, groupRoleSchema } from '../models';
import type { ChannelSpec } from './spec';

const groupId = z.string().min(1).max(32);
const userId = z.string().min(1).max(64);
const groupName = z.string().trim().min(1).max(100);
/** People named by username (the CLI's way); the engine looks each one up on the server. */
const usernames = z.array(z.string().trim().min(1).max(64)).max(1000).default([]);

/** The user's standing in a group: `left` (kicked or quit) and `dissolved` groups are read-only. */
export const groupStateSchema = z.enum(['member', 'left', 'dissolved']);
export type GroupState = z.infer<typeof groupStateSchema>;

export const groupSchema = z.object({
  groupId: z.string(),
  /** `g:<groupId>`: the conversation the group's messages live in. */
  conversationId: z.string(),
  name: z.string(),
  /** The announcement; empty when none. */
  notice: z.string(),
  ownerId: z.string(),
  memberCount: z.number().int().nonnegative(),
  /** The user's role while a member; null once left or dissolved. */
  myRole: groupRoleSchema.nullable(),
  /** The user's own nickname in the group; empty when none. */
  myNickname: z.string(),
  state: groupStateSchema,
});
export type Group = z.infer<typeof groupSchema>;

export const groupMemberSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: groupRoleSchema,
  /** The member's nickname in this group; empty when none. */
  nickname: z.string(),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

export const groupChannels = {
  /**
   * Every group this device knows, the ones the user left or that were dissolved included.
   * `refresh` asks the server for the current list first (when online).
   */
  'groups:list': {
    request: z.object({ refresh: z.boolean().default(false) }).strict(),
    response: z.array(groupSchema),
  },
  /** Creates a group owned by the user with these first members (user ids). */
  'groups:create': {
    request: z.object({ name: groupName, memberIds: z.array(userId).max(1000).default([]), usernames }),
    /** The conversation comes back at once so the UI can select it. */
    response: z.object({ group: groupSchema, conversation: conversationSchema }),
  },
  /** Any member may invite; users already in are skipped. */
  'groups:invite': {
    request: z
      .object({ groupId, userIds: z.array(userId).max(1000).default([]), usernames })
      .refine((r) => r.userIds.length + r.usernames.length > 0, 'name at least one user to invite'),
    response: groupSchema,
  },
  /** Owner: anyone; admins: plain members. */
  'groups:kick': { request: z.object({ groupId, userId }), response: groupSchema },
  /** Any member but the owner (who transfers or dissolves first). History up to now stays. */
  'groups:quit': { request: z.object({ groupId }), response: groupSchema },
  /** Owner only; the group stays readable, and nothing more can happen in it. */
  'groups:dissolve': { request: z.object({ groupId }), response: groupSchema },
  'groups:rename': { request: z.object({ groupId, name: groupName }), response: groupSchema },
  /** The announcement (owner and admins); an empty text clears it. */
  'groups:setNotice': {
    request: z.object({ groupId, notice: z.string().max(2000) }),
    response: groupSchema,
  },
  /** Owner only; the former owner becomes a plain member. */
  'groups:transfer': { request: z.object({ groupId, userId }), response: groupSchema },
  /** Owner only: makes a member an admin, or an admin a plain member again. */
  'groups:setAdmin': {
    request: z.object({ groupId, userId, admin: z.boolean() }),
    response: groupSchema,
  },
  /** The current members, owner first, then admins, then by name. */
  'groups:members': { request: z.object({ groupId }), response: z.array(groupMemberSchema) },
  /** The user's own nickname in the group; empty clears it. */
  'groups:setNickname': {
    request: z.object({ groupId, nickname: z.string().trim().max(64) }),
    response: groupSchema,
  },
  /** How many other current members have read one of the group's messages (small groups only). */
  'groups:readCount': {
    request: z.object({ conversationId: z.string().min(1).max(200), seq: z.number().int().positive() }),
    response: z.object({ read: z.number().int().nonnegative(), unread: z.number().int().nonnegative() }),
  },
} as const satisfies Record<string, ChannelSpec>;

export const groupEvents = {
  /** Groups inserted or updated (joined, left, renamed, dissolved, roles, notice). */
  'groups:changed': z.object({ groups: z.array(groupSchema) }),
  /** Groups removed from this device (their conversation was deleted locally after leaving). */
  'groups:removed': z.object({ groupIds: z.array(z.string()) }),
  /** The member list of a group changed; `members` is the whole new list. */
  'groups:membersChanged': z.object({ groupId: z.string(), members: z.array(groupMemberSchema) }),
} as const satisfies Record<string, z.ZodType>;
