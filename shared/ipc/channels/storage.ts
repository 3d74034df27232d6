import { z } from 'zod';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

/** What the signed-in account keeps on this device, in bytes. */
export const storageStatsSchema = z.object({
  /** The SQLite store with its write-ahead log: messages, conversations and the search index. */
  databaseBytes: z.number().int().nonnegative(),
  /** Cached pictures, which are fetched again when needed. */
  cacheBytes: z.number().int().nonnegative(),
});
export type StorageStats = z.infer<typeof storageStatsSchema>;

export const storageChannels = {
  'storage:stats': { request: emptyRequest, response: storageStatsSchema },
  /** Empties the picture cache; messages and downloaded files stay. Answers the new sizes. */
  'storage:clearCache': { request: emptyRequest, response: storageStatsSchema },
} as const satisfies Record<string, ChannelSpec>;
