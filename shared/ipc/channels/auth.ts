import { z } from 'zod';
import { accountSchema } from '../models';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

const serverUrlSchema = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

export const authChannels = {
  'auth:register': {
    request: z.object({
      serverUrl: serverUrlSchema,
      username: z.string().trim().min(3).max(32),
      password: z.string().min(6).max(256),
      displayName: z.string().trim().min(1).max(64),
    }),
    response: accountSchema,
  },
  'auth:login': {
    request: z.object({
      serverUrl: serverUrlSchema,
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(256),
    }),
    response: accountSchema,
  },
  'auth:current': { request: emptyRequest, response: accountSchema.nullable() },
} as const satisfies Record<string, ChannelSpec>;
