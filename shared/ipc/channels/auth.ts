import { z } from 'zod';
import { accountSchema, senseModeSchema } from '../models';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

const serverUrlSchema = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

const gatewayUrlSchema = z
  .string()
  .trim()
  .url()
  .refine((u) => /^wss?:\/\//i.test(u), 'must be a ws(s) URL');

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
  /**
   * Basic mode: a stock MobileIMSDK v6 server, which accepts any user id with a token its
   * application checks. One-to-one text only.
   */
  'auth:loginBasic': {
    request: z.object({
      wsUrl: gatewayUrlSchema,
      userId: z.string().trim().min(1).max(64),
      token: z.string().max(4096).default(''),
      senseMode: senseModeSchema.default('5S'),
    }),
    response: accountSchema,
  },
  /** Signs out: stops the connection and forgets the stored credentials (local history stays). */
  'auth:logout': { request: emptyRequest, response: z.null() },
  /** The signed-in account, also after a restart (the engine reconnects by itself); null if none. */
  'auth:current': { request: emptyRequest, response: accountSchema.nullable() },
} as const satisfies Record<string, ChannelSpec>;
