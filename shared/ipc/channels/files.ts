import { z } from 'zod';
import { messageSchema } from '../models';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

const conversationId = z.string().min(1).max(200);
const messageId = z.string().min(1).max(200);
/** A path on this computer, as the shell's open dialog or a drop gives it. */
const localPath = z.string().min(1).max(4096);

/** A pasted image travels as base64 over IPC (the bridge is JSON), so it is kept small. */
export const MAX_PASTED_BYTES = 10 * 1024 * 1024;
const MAX_PASTED_BASE64 = Math.ceil(MAX_PASTED_BYTES / 3) * 4;

/**
 * Where a transfer is. `paused` waits for the link (or the server) to come back and resumes
 * by itself from the bytes already moved; `failed` and `cancelled` wait for `files:retry`.
 */
export const transferStateSchema = z.enum(['queued', 'running', 'paused', 'done', 'failed', 'cancelled']);
export type TransferState = z.infer<typeof transferStateSchema>;

export const transferDirectionSchema = z.enum(['upload', 'download']);
export type TransferDirection = z.infer<typeof transferDirectionSchema>;

/** One message's file moving to or from the server. A message has at most one transfer. */
export const transferSchema = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  direction: transferDirectionSchema,
  /** The file's name as the message shows it (never a path). */
  name: z.string(),
  bytesDone: z.number().int().nonnegative(),
  /** Null while the size is not known yet (a download before the server answered). */
  bytesTotal: z.number().int().nonnegative().nullable(),
  state: transferStateSchema,
  /** Why it failed: a code (the IPC error codes' vocabulary) and the sentence to show. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Upload: the file being sent; download: where it is (or will be) saved. */
  path: z.string().nullable(),
});
export type Transfer = z.infer<typeof transferSchema>;

/** What to send: a file on disk, or bytes pasted from the clipboard with a name to show. */
export const fileSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('path'), path: localPath }),
  z.object({
    type: z.literal('bytes'),
    name: z.string().min(1).max(255),
    dataBase64: z.string().min(1).max(MAX_PASTED_BASE64),
  }),
]);
export type FileSource = z.infer<typeof fileSourceSchema>;

export const fileChannels = {
  /**
   * Sends a file or an image. The message appears at once (status `sending`) with its upload;
   * it goes to the server only after the upload completes. `auto` sends PNG, JPEG, GIF and
   * WebP as images and everything else as a file.
   */
  'files:send': {
    request: z.object({
      conversationId,
      source: fileSourceSchema,
      as: z.enum(['auto', 'file', 'image']).default('auto'),
    }),
    response: z.object({ message: messageSchema, transfer: transferSchema }),
  },
  /**
   * Downloads the file of an image or file message into the downloads folder (or `dir`, an
   * absolute path), under a safe unique name. Answers at once; progress follows as events.
   * A finished download answers its existing transfer.
   */
  'files:download': {
    request: z.object({ messageId, dir: localPath.optional() }),
    response: transferSchema,
  },
  /** Stops a transfer; the partial bytes of a download are removed. An upload's message fails. */
  'files:cancel': { request: z.object({ messageId }), response: transferSchema },
  /** Starts a failed or cancelled transfer again, resuming where the server says it stopped. */
  'files:retry': { request: z.object({ messageId }), response: transferSchema },
  /**
   * The local copy of a message's file: `path` once downloaded (or the file sent from here),
   * and for images a `data:` URL of the cached picture, so the page never reads the disk.
   */
  'files:get': {
    request: z.object({ messageId }),
    response: z.object({
      transfer: transferSchema.nullable(),
      path: z.string().nullable(),
      thumbnailDataUrl: z.string().nullable(),
    }),
  },
  /** Transfers not yet done (queued, running, paused, failed, cancelled), oldest first. */
  'files:transfers': { request: emptyRequest, response: z.array(transferSchema) },
} as const satisfies Record<string, ChannelSpec>;

export const fileEvents = {
  /** A transfer moved (throttled while running) or changed state. */
  'files:progress': transferSchema,
} as const satisfies Record<string, z.ZodType>;
