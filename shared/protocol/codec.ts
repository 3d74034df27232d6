import type { z } from 'zod';
import { envelopeSchema, type Envelope, type EnvelopeInput } from './envelope';
import { MAX_FRAME_BYTES } from './frameTypes';

export type DecodeFailure = Readonly<{
  ok: false;
  reason: 'too-large' | 'not-json' | 'invalid-envelope' | 'invalid-payload';
  message: string;
}>;
export type Decoded<T> = Readonly<{ ok: true; value: T }> | DecodeFailure;

/** UTF-8 byte length of a JS string (lone surrogates count as the 3-byte replacement). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** True when the UTF-8 form of `text` is larger than the frame limit; encodes only when it might be. */
export function exceedsFrameLimit(text: string): boolean {
  if (text.length * 3 <= MAX_FRAME_BYTES) return false; // 3 bytes per UTF-16 unit is the worst case
  return text.length > MAX_FRAME_BYTES || utf8ByteLength(text) > MAX_FRAME_BYTES;
}

/** Decodes and validates one inbound text frame. Never throws. */
export function decodeFrame(text: string): Decoded<Envelope> {
  if (exceedsFrameLimit(text)) {
    return { ok: false, reason: 'too-large', message: `frame exceeds ${MAX_FRAME_BYTES} bytes` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json', message: 'frame is not JSON' };
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'invalid-envelope',
      message: parsed.error.issues[0]?.message ?? 'invalid envelope',
    };
  }
  return { ok: true, value: parsed.data };
}

/** Encodes a frame, omitting null fields as the stock server does. */
export function encodeFrame(frame: EnvelopeInput): string {
  const full = envelopeSchema.parse(frame);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(full)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  return JSON.stringify(out);
}

/** Parses a control frame's double-encoded `dataContent` against its schema. */
export function decodePayload<S extends z.ZodType>(
  dataContent: string | null,
  schema: S,
): Decoded<z.infer<S>> {
  if (dataContent === null) return { ok: false, reason: 'invalid-payload', message: 'missing dataContent' };
  let raw: unknown;
  try {
    raw = JSON.parse(dataContent);
  } catch {
    return { ok: false, reason: 'invalid-payload', message: 'dataContent is not JSON' };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'invalid-payload',
      message: parsed.error.issues[0]?.message ?? 'invalid payload',
    };
  }
  return { ok: true, value: parsed.data };
}
