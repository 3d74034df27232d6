import type { z } from 'zod';
import { connectionStateSchema } from '../models';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

export const connectionChannels = {
  'connection:get': { request: emptyRequest, response: connectionStateSchema },
  /**
   * Try now instead of waiting for the backoff; after a kickout this signs this device in
   * again (which ends the other session).
   */
  'connection:retryNow': { request: emptyRequest, response: connectionStateSchema },
} as const satisfies Record<string, ChannelSpec>;

export const connectionEvents = {
  'connection:changed': connectionStateSchema,
} as const satisfies Record<string, z.ZodType>;
