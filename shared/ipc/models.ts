import { z } from 'zod';

/** Data shapes that cross the IPC boundary. Types are inferred; the schemas are the truth. */

/**
 * How an account talks to its server: `tidings` is our own server (history sync, groups,
 * files); `basic` is a stock MobileIMSDK v6 server (one-to-one text only).
 */
export const accountModeSchema = z.enum(['tidings', 'basic']);
export type AccountMode = z.infer<typeof accountModeSchema>;

export const accountSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** The http(s) URL of a Tidings server, or the ws(s) gateway URL of a basic-mode account. */
  serverUrl: z.string(),
  mode: accountModeSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const peerSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
});
export type Peer = z.infer<typeof peerSchema>;

/**
 * Delivery status of a message. Outgoing: sending → sent → read, or failed (a manual retry
 * goes back to sending). Incoming messages are `received`.
 */
export const messageStatusSchema = z.enum(['sending', 'sent', 'read', 'failed', 'received']);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const messageSchema = z.object({
  /** Stable local id: the fp, which the sender chose and every copy keeps. */
  id: z.string(),
  conversationId: z.string(),
  /**
   * Per-conversation sequence assigned by the server; null while not yet known. In basic mode
   * (no server sequences) it is the local arrival order.
   */
  seq: z.number().int().nullable(),
  senderId: z.string(),
  outgoing: z.boolean(),
  sentAt: z.number(),
  /** Open: a kind this version does not know is shown as "update to view". */
  kind: z.string(),
  /** Empty once the message is recalled. A text reply carries `replyTo: {seq, senderId?, preview?}`. */
  body: z.record(z.string(), z.unknown()),
  status: messageStatusSchema,
  /** Set when the message was recalled: who did it and when. The UI shows a tombstone. */
  recalled: z.object({ by: z.string(), at: z.number() }).nullable(),
  /**
   * Why the server refused a `failed` message (`code` is an IPC error code when the UI knows
   * it, e.g. `blocked`; `message` is the server's sentence). Absent when it never answered.
   */
  failure: z.object({ code: z.string(), message: z.string() }).nullable().optional(),
});
export type Message = z.infer<typeof messageSchema>;

/** `direct`: one-to-one; `group`: a group chat; `system`: the "System notices" of broadcasts. */
export const conversationKindSchema = z.enum(['direct', 'group', 'system']);
export type ConversationKind = z.infer<typeof conversationKindSchema>;

/** The id of the one conversation that holds broadcast notices. */
export const SYSTEM_NOTICES_CONVERSATION_ID = 'system:notices';

export const groupRoleSchema = z.enum(['owner', 'admin', 'member']);
export type GroupRole = z.infer<typeof groupRoleSchema>;

/**
 * The user's standing in a group conversation. `left` (kicked or quit) and `dissolved` groups
 * are read-only: history up to the exit stays, nothing can be sent or changed.
 */
export const conversationGroupSchema = z.object({
  groupId: z.string(),
  memberCount: z.number().int().nonnegative(),
  role: groupRoleSchema.nullable(),
  state: z.enum(['member', 'left', 'dissolved']),
});
export type ConversationGroup = z.infer<typeof conversationGroupSchema>;

export const conversationSchema = z.object({
  id: z.string(),
  kind: conversationKindSchema,
  title: z.string(),
  /** Set for group conversations once the group is known to this device. */
  group: conversationGroupSchema.nullable(),
  peer: peerSchema.nullable(),
  lastMessage: z.object({ preview: z.string(), sentAt: z.number(), outgoing: z.boolean() }).nullable(),
  unread: z.number().int().nonnegative(),
  updatedAt: z.number(),
  /** The unsent text of the composer, kept across restarts. */
  draft: z.string(),
  pinned: z.boolean(),
  muted: z.boolean(),
  /** An unread message mentions the user (or everyone). */
  mentioned: z.boolean(),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** MobileIMSDK keepalive "sense modes" (interval / timeout), see ../shared/docs/mobileimsdk-wire.md. */
export const senseModeSchema = z.enum(['3S', '5S', '10S', '15S', '30S', '60S', '120S']);
export type SenseMode = z.infer<typeof senseModeSchema>;

/** Why the server ended this device's session (kickout, frame 54). */
export const kickReasonSchema = z.enum(['other-login', 'admin', 'unknown']);
export type KickReason = z.infer<typeof kickReasonSchema>;

/** Why the engine cannot sign in by itself and needs the password (or a new token). */
export const authFailureSchema = z.enum([
  'session-expired',
  'invalid-token',
  'user-disabled',
  'credentials-missing',
  'refused',
]);
export type AuthFailure = z.infer<typeof authFailureSchema>;

/** What basic mode cannot do; the UI disables these. */
export const basicModeLimitSchema = z.enum(['history-sync', 'groups', 'files', 'recall', 'read-receipts']);
export type BasicModeLimit = z.infer<typeof basicModeLimitSchema>;

/**
 * The link to the server as the UI shows it. `online` is a Tidings server with everything;
 * `basic` is connected to a stock MobileIMSDK server (or one that never said hello).
 */
export const connectionStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-out') }),
  z.object({ status: z.literal('connecting'), mode: accountModeSchema }),
  z.object({ status: z.literal('online'), mode: z.literal('tidings') }),
  z.object({
    status: z.literal('basic'),
    mode: accountModeSchema,
    unavailable: z.array(basicModeLimitSchema),
  }),
  z.object({
    status: z.literal('reconnecting'),
    mode: accountModeSchema,
    /** Epoch ms of the next attempt (`connection:retryNow` skips the wait). */
    nextAttemptAt: z.number(),
    attempt: z.number().int().nonnegative(),
  }),
  /** The operating system reports no network; attempts resume when it comes back. */
  z.object({ status: z.literal('offline'), mode: accountModeSchema }),
  /** The server ended the session; nothing reconnects until `connection:retryNow` or a sign-in. */
  z.object({ status: z.literal('kicked'), mode: accountModeSchema, reason: kickReasonSchema }),
  /** The stored credentials no longer work; the user must sign in with the password. */
  z.object({ status: z.literal('auth-failed'), mode: accountModeSchema, reason: authFailureSchema }),
]);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** Where sync is: `idle` when caught up (or in basic mode), else the phase running now. */
export const syncProgressSchema = z.object({
  phase: z.enum(['idle', 'inbox', 'history', 'resync', 'backfill']),
  /** Messages applied by the current run (0 when idle). */
  applied: z.number().int().nonnegative(),
  /** Conversations whose history still has to be fetched in this phase. */
  pendingConversations: z.number().int().nonnegative(),
  /** Conversations whose older history is not yet complete on this device. */
  backfillRemaining: z.number().int().nonnegative(),
  /** Epoch ms of the last time sync caught up with the server; null before the first time. */
  lastSyncedAt: z.number().nullable(),
  /** Outgoing messages not yet acknowledged by the server (the outbox). */
  pendingSends: z.number().int().nonnegative(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

/** The user's preferences for this installation; the shell and the UI read them. */
export const settingsSchema = z.object({
  notifications: z.object({
    enabled: z.boolean(),
    sound: z.boolean(),
    /** Show the sender and text in notifications (off: "New message"). */
    showPreview: z.boolean(),
  }),
  /** Quiet hours, local time; `from` after `to` spans midnight. */
  doNotDisturb: z.object({ enabled: z.boolean(), from: clockTimeSchema, to: clockTimeSchema }),
  /** Which key sends: Enter (Shift+Enter breaks the line) or Ctrl/⌘+Enter. */
  sendKey: z.enum(['enter', 'mod-enter']),
  theme: z.enum(['system', 'light', 'dark']),
  /** 'system' or a BCP 47 tag such as 'en' or 'zh-CN'. */
  language: z.union([z.literal('system'), z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)]),
  startAtLogin: z.boolean(),
  updateChannel: z.enum(['stable', 'beta']),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A change to some settings: any subset, nested objects too. */
export const settingsPatchSchema = z
  .object({
    notifications: settingsSchema.shape.notifications.partial(),
    doNotDisturb: settingsSchema.shape.doNotDisturb.partial(),
    sendKey: settingsSchema.shape.sendKey,
    theme: settingsSchema.shape.theme,
    language: settingsSchema.shape.language,
    startAtLogin: settingsSchema.shape.startAtLogin,
    updateChannel: settingsSchema.shape.updateChannel,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
