import { z } from 'zod';

/**
 * Friends (docs/PROTOCOL.md, "Social"): command arguments and replies, and the `friend` inbox
 * event every device of both users gets, so each converges on the same lists.
 */

const userId = z.string().min(1).max(64);
const peer = z.object({ userId });

/** What a `friend` inbox event says happened between the user and `peerId`. */
export const FriendAction = {
  /** The user asked `peerId` (a device of the asker shows it as outgoing). */
  requestSent: 'request-sent',
  /** `peerId` asked the user. */
  requestReceived: 'request-received',
  /** The two are now friends (an accept, or two crossing requests). */
  added: 'added',
  /** A pending request between the two is gone (rejected or withdrawn). */
  rejected: 'rejected',
  /** The friendship (or a pending request) is gone. */
  deleted: 'deleted',
  /** The user blocked `peerId` (only the blocker is told). */
  blocked: 'blocked',
  unblocked: 'unblocked',
} as const;
export type FriendActionName = (typeof FriendAction)[keyof typeof FriendAction];

const friendActionSchema = z.enum([
  FriendAction.requestSent,
  FriendAction.requestReceived,
  FriendAction.added,
  FriendAction.rejected,
  FriendAction.deleted,
  FriendAction.blocked,
  FriendAction.unblocked,
]);

export const friendInboxEventSchema = z.object({
  seq: z.number().int().positive(),
  at: z.number().int(),
  type: z.literal('friend'),
  action: friendActionSchema,
  peerId: z.string(),
  /** The request's words (request-sent, request-received). */
  message: z.string().optional(),
});
export type FriendInboxEvent = z.infer<typeof friendInboxEventSchema>;

/**
 * The user joined or left a group (created, invited, kicked, quit): sent to that user alone,
 * since a member of a large group gets no pointer per message. `messageSeq` is the group
 * notice of the change; after leaving, the user may read up to it and no further.
 */
export const groupInboxEventSchema = z.object({
  seq: z.number().int().positive(),
  at: z.number().int(),
  type: z.literal('group'),
  action: z.enum(['joined', 'left']),
  conversationId: z.string(),
  messageSeq: z.number().int().positive(),
  by: z.string(),
});

/** The user was mentioned (by id, or by "all") in a group message. */
export const mentionInboxEventSchema = z.object({
  seq: z.number().int().positive(),
  at: z.number().int(),
  type: z.literal('mention'),
  conversationId: z.string(),
  messageSeq: z.number().int().positive(),
  by: z.string(),
});

/** The relation of the user to a peer after a friend command. */
const relationSchema = z.enum(['none', 'outgoing', 'incoming', 'friend', 'blocked']);

export const MAX_FRIEND_REQUEST_LENGTH = 500;

const groupId = z.string().regex(/^[1-9][0-9]{0,15}$/, 'not a group id');
const group = z.object({ groupId });
const groupName = z.string().trim().min(1).max(100);
const roleSchema = z.enum(['owner', 'admin', 'member']);
const groupSummarySchema = z.object({
  groupId: z.string(),
  conversationId: z.string(),
  name: z.string(),
  notice: z.string(),
  ownerId: z.string(),
  memberCount: z.number().int(),
  dissolved: z.boolean(),
});

/** What a user may see of another's presence; `lastSeen` is absent while online or when hidden. */
export const presenceStateSchema = z.object({
  userId: z.string(),
  online: z.boolean(),
  lastSeen: z.number().int().optional(),
});
export type PresenceState = z.infer<typeof presenceStateSchema>;

export const socialCommands = {
  /** Asks `userId` to be friends; a request crossing theirs makes the two friends at once. */
  'friend.request': {
    args: z.object({ userId, message: z.string().max(MAX_FRIEND_REQUEST_LENGTH).default('') }),
    value: z.object({ relation: relationSchema }),
  },
  /** Accepts `userId`'s pending request. */
  'friend.accept': { args: peer, value: z.object({ relation: relationSchema }) },
  /** Rejects `userId`'s pending request. */
  'friend.reject': { args: peer, value: z.object({}) },
  /** Ends the friendship with `userId` (or withdraws a pending request either way). */
  'friend.delete': { args: peer, value: z.object({}) },
  /** Blocks `userId`: their messages and requests are refused, and any friendship ends. */
  'friend.block': { args: peer, value: z.object({}) },
  'friend.unblock': { args: peer, value: z.object({}) },
  /** The user's friends, pending requests both ways and blocked users. */
  'friend.list': {
    args: z.object({}),
    value: z.object({
      friends: z.array(z.object({ userId: z.string(), since: z.number().int() })),
      incoming: z.array(z.object({ userId: z.string(), message: z.string(), at: z.number().int() })),
      outgoing: z.array(z.object({ userId: z.string(), message: z.string(), at: z.number().int() })),
      blocked: z.array(z.string()),
    }),
  },
  /** Creates a group owned by the user with these first members. */
  'group.create': {
    args: z.object({ name: groupName, memberIds: z.array(userId).max(1000).default([]) }),
    value: groupSummarySchema,
  },
  /** Owner, admins and members may invite; users already in are skipped. */
  'group.invite': { args: group.extend({ userIds: z.array(userId).min(1).max(1000) }), value: z.object({}) },
  /** Owner: anyone; admins: plain members. */
  'group.kick': { args: group.extend({ userId }), value: z.object({}) },
  /** Any member but the owner (who transfers or dissolves). */
  'group.quit': { args: group, value: z.object({}) },
  /** Owner only; the group stays readable, and nothing more can happen in it. */
  'group.dissolve': { args: group, value: z.object({}) },
  'group.rename': { args: group.extend({ name: groupName }), value: z.object({}) },
  /** The announcement (owner and admins). */
  'group.setNotice': { args: group.extend({ notice: z.string().max(2000) }), value: z.object({}) },
  /** Owner only; the former owner becomes a plain member. */
  'group.transfer': { args: group.extend({ userId }), value: z.object({}) },
  /** Owner only. */
  'group.setAdmin': { args: group.extend({ userId, admin: z.boolean() }), value: z.object({}) },
  /** The user's own nickname in the group. */
  'group.setNickname': { args: group.extend({ nickname: z.string().max(64) }), value: z.object({}) },
  'group.members': {
    args: group,
    value: z.object({
      members: z.array(z.object({ userId: z.string(), role: roleSchema, nickname: z.string() })),
    }),
  },
  /** The user's current groups. */
  'group.list': { args: z.object({}), value: z.object({ groups: z.array(groupSummarySchema) }) },
  /** Presence of friends and fellow group members; other users are left out of the answer. */
  'presence.get': {
    args: z.object({ userIds: z.array(userId).min(1).max(500) }),
    value: z.object({ users: z.array(presenceStateSchema) }),
  },
  /** Hides (or shows again) the user's last-seen time from everyone. */
  'presence.setPrivacy': { args: z.object({ hideLastSeen: z.boolean() }), value: z.object({}) },
  /** How many other current members have read up to `seq` (groups up to the read-count size). */
  'group.readCount': {
    args: group.extend({ seq: z.number().int().positive() }),
    value: z.object({ read: z.number().int(), unread: z.number().int() }),
  },
} as const satisfies Record<string, { args: z.ZodType; value: z.ZodType }>;

export type SocialCommandName = keyof typeof socialCommands;
