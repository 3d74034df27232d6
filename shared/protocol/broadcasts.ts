import { z } from 'zod';

/**
 * Broadcasts: the public inbox (docs/PROTOCOL.md, "Broadcasts"). A broadcast is written once;
 * each device pulls the public inbox by its own `public` cursor with `sync.public`, separately
 * from its private inbox, and shows both in timeline order by their times.
 */

export const MAX_BROADCAST_TITLE_LENGTH = 200;
export const MAX_BROADCAST_BODY_LENGTH = 8_000;

/** A client version as the audience filter compares it: dotted numbers, e.g. "1.4.0". */
export const clientVersionSchema = z
  .string()
  .regex(/^\d{1,6}(\.\d{1,6}){0,3}$/, 'dotted numbers, e.g. 1.4.0');

/** Compares dotted versions numerically ("1.10" > "1.9"); missing parts count as 0. */
export function compareClientVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/**
 * Who may see a broadcast once published; every filter given must hold, none = everyone
 * (users who register later too). Whitelisted users see it while it is pre-released whatever
 * the filters say.
 */
export const broadcastAudienceSchema = z.object({
  /** Users whose last activity before their current login was at or after this (epoch ms); new accounts count from their creation. */
  activeSince: z.number().int().nonnegative().optional(),
  /** Devices that pull with at least this client version (a pull without a version is below any minimum). */
  minClientVersion: clientVersionSchema.optional(),
});
export type BroadcastAudience = z.infer<typeof broadcastAudienceSchema>;

/** draft → prerelease (whitelist only) → published → stopped | recalled. */
export const broadcastStateSchema = z.enum(['draft', 'prerelease', 'published', 'stopped', 'recalled']);
export type BroadcastState = z.infer<typeof broadcastStateSchema>;

/** A broadcast as a client receives it. */
export const wireBroadcastSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** When it became visible to this user (pre-release or publication), epoch ms. */
  publishedAt: z.number().int(),
  /** After this (epoch ms) the client removes it; null = never expires. */
  expiresAt: z.number().int().nullable(),
  /** True while only the whitelist sees it. */
  prerelease: z.boolean(),
});
export type WireBroadcast = z.infer<typeof wireBroadcastSchema>;

/**
 * One entry of the public inbox. `type` is open: an older client skips kinds it does not know
 * (still advancing its cursor past them). `seq` is the public sequence, shared by all users.
 */
export const publicEventBaseSchema = z.looseObject({
  seq: z.number().int().positive(),
  type: z.string(),
  at: z.number().int(),
});

export const knownPublicEventSchema = z.discriminatedUnion('type', [
  /** A broadcast became visible, or changed while visible: the client inserts or replaces its notice. */
  z.object({
    seq: z.number().int().positive(),
    at: z.number().int(),
    type: z.literal('broadcast'),
    broadcast: wireBroadcastSchema,
  }),
  /** A broadcast was recalled: the client deletes its notice, even one already shown. */
  z.object({
    seq: z.number().int().positive(),
    at: z.number().int(),
    type: z.literal('broadcast-recall'),
    broadcastId: z.string(),
  }),
]);
export type PublicEvent = z.infer<typeof knownPublicEventSchema>;

export const broadcastCommands = {
  /**
   * Public-inbox events after `after`, oldest first, for this user and device. `max` is the
   * cursor to keep once `hasMore` is false (it may be above the last event: entries this
   * device does not qualify for are skipped but passed).
   */
  'sync.public': {
    args: z.object({
      after: z.number().int().nonnegative(),
      limit: z.number().int().min(1).max(1000).default(200),
      /** The pulling client's version, for `minClientVersion` audiences. */
      clientVersion: clientVersionSchema.optional(),
    }),
    value: z.object({
      events: z.array(publicEventBaseSchema),
      max: z.number().int().nonnegative(),
      hasMore: z.boolean(),
    }),
  },
} as const satisfies Record<string, { args: z.ZodType; value: z.ZodType }>;

// ---- Admin HTTP API (/api/admin/broadcasts, bearer admin token) ----

const title = z.string().trim().min(1).max(MAX_BROADCAST_TITLE_LENGTH);
const body = z.string().min(1).max(MAX_BROADCAST_BODY_LENGTH);
const adminUserId = z.string().regex(/^[1-9]\d{0,15}$/, 'a user id');

/** POST /api/admin/broadcasts → AdminBroadcast (a draft). */
export const createBroadcastRequestSchema = z.object({
  title,
  body,
  expiresAt: z.number().int().positive().nullable().default(null),
  audience: broadcastAudienceSchema.default({}),
  whitelist: z.array(adminUserId).max(10_000).default([]),
});
export type CreateBroadcastRequest = z.input<typeof createBroadcastRequestSchema>;

/** PATCH /api/admin/broadcasts/:id (draft or pre-release only) → AdminBroadcast. */
export const editBroadcastRequestSchema = z
  .object({
    title,
    body,
    expiresAt: z.number().int().positive().nullable(),
    audience: broadcastAudienceSchema,
  })
  .partial()
  .strict();
export type EditBroadcastRequest = z.input<typeof editBroadcastRequestSchema>;

/** POST /api/admin/broadcasts/:id/whitelist → AdminBroadcast. Editable in draft and pre-release. */
export const whitelistEditRequestSchema = z
  .object({
    add: z.array(adminUserId).max(10_000).default([]),
    remove: z.array(adminUserId).max(10_000).default([]),
  })
  .strict();
export type WhitelistEditRequest = z.input<typeof whitelistEditRequestSchema>;

/** A broadcast as the admin API shows it. */
export const adminBroadcastSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  state: broadcastStateSchema,
  audience: broadcastAudienceSchema,
  whitelist: z.array(z.string()),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** Set on publication. */
  publishedAt: z.number().int().nullable(),
  expiresAt: z.number().int().nullable(),
  /** Its current public sequence; null while a draft. */
  publicSeq: z.number().int().nullable(),
});
export type AdminBroadcast = z.infer<typeof adminBroadcastSchema>;

/** GET /api/admin/broadcasts → newest first. */
export const adminBroadcastListSchema = z.object({ broadcasts: z.array(adminBroadcastSchema) });

/** GET /api/admin/stats. */
export const serverStatsSchema = z.object({
  users: z.number().int().nonnegative(),
  disabledUsers: z.number().int().nonnegative(),
  /** Open gateway sockets (a logged-in one is one device; a socket still logging in counts too). */
  onlineDevices: z.number().int().nonnegative(),
  onlineUsers: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  broadcasts: z.record(broadcastStateSchema, z.number().int().nonnegative()),
  /** The newest public sequence this server serves. */
  publicSeq: z.number().int().nonnegative(),
  uptimeMs: z.number().int().nonnegative(),
});
export type ServerStats = z.infer<typeof serverStatsSchema>;
