import { z } from 'zod';

/** Control characters would break headers and listings; lone surrogates have no UTF-8 form. */
const printable = (text: string): boolean => !/[\p{Cc}\p{Cs}]/u.test(text);

/** Any name a user can give a file, in 1–255 characters; never used as a path on the server. */
export const fileNameSchema = z.string().min(1).max(255).refine(printable, 'no control characters');

/** `type/subtype` with optional parameters, as a client declares it; echoed as the download's type. */
export const mimeSchema = z
  .string()
  .max(127)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'not a media type')
  .transform((mime) => mime.toLowerCase());

export const sha256Schema = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'not a SHA-256 in hex')
  .transform((hex) => hex.toLowerCase());

/** POST /api/files. */
export const createUploadSchema = z.strictObject({
  name: fileNameSchema,
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  mime: mimeSchema.default('application/octet-stream'),
  sha256: sha256Schema.optional(),
});

/** `Upload-Offset: <bytes>` (tus style) or `Content-Range: bytes <first>-<last>/<total>`. */
export function chunkOffset(headers: Readonly<Record<string, string | string[] | undefined>>): number | null {
  const uploadOffset = headers['upload-offset'];
  if (typeof uploadOffset === 'string') return /^\d{1,16}$/.test(uploadOffset) ? Number(uploadOffset) : null;
  const range = headers['content-range'];
  if (typeof range !== 'string') return null;
  const match = /^bytes (\d{1,16})-(\d{1,16})\/(\d{1,16}|\*)$/.exec(range.trim());
  if (!match || Number(match[2]) < Number(match[1])) return null;
  return Number(match[1]);
}
