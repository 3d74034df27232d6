import { z } from 'zod';
import { accountModeSchema } from '../../../../shared/ipc';
import { StoreVersionError } from '../migrate';

/** What the host hands the worker when it starts it. */
export const storeWorkerDataSchema = z.object({
  file: z.string().min(1),
  nativeBinding: z.string().optional(),
  identity: z.object({ userId: z.string().min(1), mode: accountModeSchema }),
});
export type StoreWorkerData = z.infer<typeof storeWorkerDataSchema>;

/** Host → worker. */
export type StoreRequest =
  | Readonly<{ id: number; kind: 'op'; op: string; args: unknown[] }>
  | Readonly<{ id: number; kind: 'extension'; name: string; operation: string; args: unknown }>
  | Readonly<{ id: number; kind: 'close' }>;

export const storeRequestSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.number().int(), kind: z.literal('op'), op: z.string(), args: z.array(z.unknown()) }),
  z.object({
    id: z.number().int(),
    kind: z.literal('extension'),
    name: z.string(),
    operation: z.string(),
    args: z.unknown(),
  }),
  z.object({ id: z.number().int(), kind: z.literal('close') }),
]);

/** An error as it crosses the thread boundary: enough to rebuild the ones the engine handles. */
export type SerializedError = Readonly<{ name: string; message: string; found?: number; known?: number }>;

/** Worker → host. */
export type StoreReply =
  | Readonly<{ kind: 'ready' }>
  | Readonly<{ kind: 'open-failed'; error: SerializedError }>
  | Readonly<{ kind: 'result'; id: number; ok: true; value: unknown }>
  | Readonly<{ kind: 'result'; id: number; ok: false; error: SerializedError }>;

export function serializeError(error: unknown): SerializedError {
  if (error instanceof StoreVersionError)
    return { name: error.name, message: error.message, found: error.found, known: error.known };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error the host throws for a worker's failure (a newer database keeps its own type). */
export function deserializeError(error: SerializedError): Error {
  if (error.name === 'StoreVersionError' && error.found !== undefined && error.known !== undefined)
    return new StoreVersionError(error.found, error.known);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
