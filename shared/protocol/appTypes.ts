import { z } from 'zod';

/**
 * Tidings' application layer: `typeu` codes carried in MobileIMSDK data frames (type 2).
 * Stock clients send typeu -1 with plain text; the server treats that as a text message.
 */
export const Typeu = {
  /** Stock MobileIMSDK plain text (not JSON). */
  stockText: -1,
  /** Client → server: a new message for `to` (a user id). dataContent: OutgoingMessage JSON. */
  message: 1,
  /** Server → client: a stored message. dataContent: WireMessage JSON. */
  messagePush: 2,
  /** Server → client: a message with this fp was refused and will never be stored. dataContent: SendRefusal JSON. */
  sendRefused: 3,
} as const;

/** Why the server refused a message (typeu 3). The sender marks it failed and stops retrying. */
export const sendRefusalSchema = z.object({
  fp: z.string().min(1),
  code: z.string().min(1),
  message: z.string(),
});
export type SendRefusal = z.infer<typeof sendRefusalSchema>;

export const MAX_TEXT_LENGTH = 8_000;

export const textBodySchema = z.object({
  text: z.string().min(1).max(MAX_TEXT_LENGTH),
});
export type TextBody = z.infer<typeof textBodySchema>;

/** What a client sends (typeu 1). Only kinds the sender knows; the server re-validates. */
export const outgoingMessageSchema = z.object({
  kind: z.literal('text'),
  body: textBodySchema,
});
export type OutgoingMessage = z.infer<typeof outgoingMessageSchema>;

/**
 * A message as the server stored it. `kind` is open so that a client can keep and show
 * ("update to view") kinds added after it was released.
 */
export const wireMessageSchema = z.object({
  id: z.string().min(1),
  conversationId: z.string().min(1),
  seq: z.number().int().positive(),
  fp: z.string().min(1),
  senderId: z.string().min(1),
  sentAt: z.number().int(),
  kind: z.string().min(1),
  body: z.record(z.string(), z.unknown()),
});
export type WireMessage = z.infer<typeof wireMessageSchema>;
