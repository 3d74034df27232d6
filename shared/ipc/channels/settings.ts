import type { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../models';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

export const settingsChannels = {
  'settings:get': { request: emptyRequest, response: settingsSchema },
  /** Applies a partial change and answers with the whole settings object. */
  'settings:set': { request: settingsPatchSchema, response: settingsSchema },
} as const satisfies Record<string, ChannelSpec>;

export const settingsEvents = {
  'settings:changed': settingsSchema,
} as const satisfies Record<string, z.ZodType>;
