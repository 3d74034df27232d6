import { z } from 'zod';

/**
 * The MobileIMSDK v6 envelope. Stock peers omit null fields, so everything but `type`
 * is optional on the way in and gets the stock default.
 */
export const envelopeSchema = z.object({
  bridge: z.boolean().optional().default(false),
  type: z.number().int(),
  dataContent: z.string().nullable().optional().default(null),
  from: z.string().optional().default('-1'),
  to: z.string().optional().default('-1'),
  fp: z.string().nullable().optional().default(null),
  QoS: z.boolean().optional().default(false),
  typeu: z.number().int().optional().default(-1),
  sm: z.number().optional().default(-1),
});

export type Envelope = z.infer<typeof envelopeSchema>;
/** What a sender fills in; the codec supplies the stock defaults. */
export type EnvelopeInput = z.input<typeof envelopeSchema>;

/** Type 0 payload (a JSON string inside `dataContent`). */
export const loginRequestSchema = z.object({
  loginUserId: z.string().min(1).max(256),
  loginToken: z.string().max(4096).nullable().optional().default(null),
  extra: z.string().max(8192).nullable().optional().default(null),
  firstLoginTime: z.number().optional().default(0),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** Type 50 payload. */
export const loginResponseSchema = z.object({
  code: z.number().int(),
  firstLoginTime: z.number().optional().default(0),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Type 52 payload. */
export const errorPayloadSchema = z.object({
  errorCode: z.number().int(),
  errorMsg: z.string().optional().default(''),
});
export type ErrorPayload = z.infer<typeof errorPayloadSchema>;

/** Type 54 payload. */
export const kickoutPayloadSchema = z.object({
  code: z.number().int(),
  reason: z.string().nullable().optional(),
});
export type KickoutPayload = z.infer<typeof kickoutPayloadSchema>;
