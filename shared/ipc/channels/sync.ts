import type { z } from 'zod';
import { syncProgressSchema } from '../models';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

export const syncChannels = {
  'sync:get': { request: emptyRequest, response: syncProgressSchema },
  /** Pulls everything new now and answers once caught up (not waiting for the background backfill). */
  'sync:now': { request: emptyRequest, response: syncProgressSchema },
} as const satisfies Record<string, ChannelSpec>;

export const syncEvents = {
  'sync:progress': syncProgressSchema,
} as const satisfies Record<string, z.ZodType>;
