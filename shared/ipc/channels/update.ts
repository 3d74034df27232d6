import { z } from 'zod';
import { settingsSchema } from '../models';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

/** Which releases the app follows (the `updateChannel` setting): stable ones, or pre-releases too. */
export const updateChannelSchema = settingsSchema.shape.updateChannel;
export type UpdateChannel = z.infer<typeof updateChannelSchema>;

/**
 * Where the self-update stands. `disabled`: this build cannot update itself (a development run,
 * or a Linux package the updater does not handle), `reason` says why. An `error` never blocks
 * the app: the next scheduled check starts over.
 */
export const updateStatusSchema = z.enum([
  'disabled',
  'idle',
  'checking',
  'downloading',
  'downloaded',
  'error',
]);
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const updateStateSchema = z.object({
  status: updateStatusSchema,
  currentVersion: z.string(),
  channel: updateChannelSchema,
  /** When the last check finished (ms since the epoch), whatever its outcome. */
  lastCheckedAt: z.number().nullable(),
  /** The newer release being downloaded or ready; notes are plain text (never HTML). */
  available: z
    .object({
      version: z.string(),
      releaseName: z.string().nullable(),
      releaseNotes: z.string(),
      releaseDate: z.string().nullable(),
    })
    .nullable(),
  /** While downloading. */
  progress: z
    .object({
      percent: z.number().min(0).max(100),
      transferred: z.number().nonnegative(),
      total: z.number().nonnegative(),
      bytesPerSecond: z.number().nonnegative(),
    })
    .nullable(),
  /** A sentence for the user; details are in the log. */
  error: z.string().nullable(),
  /** Only with status `disabled`. */
  reason: z.string().nullable(),
});
export type UpdateState = z.infer<typeof updateStateSchema>;

export const updateChannels = {
  'update:state': { request: emptyRequest, response: updateStateSchema },
  /** Checks now; resolves with the state once the check finished (a found update keeps downloading). */
  'update:check': { request: emptyRequest, response: updateStateSchema },
  /** Starts (or retries) the download of a found update; the automatic download usually did it. */
  'update:download': { request: emptyRequest, response: updateStateSchema },
  /** Quits and installs a downloaded update. `restarting` is false when there is none yet. */
  'update:install': { request: emptyRequest, response: z.object({ restarting: z.boolean() }) },
} as const satisfies Record<string, ChannelSpec>;

export const updateEvents = {
  'update:changed': updateStateSchema,
} as const satisfies Record<string, z.ZodType>;
