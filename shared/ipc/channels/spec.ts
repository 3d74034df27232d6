import { z } from 'zod';

/** A channel: a request the renderer sends and the response it gets back. */
export type ChannelSpec = Readonly<{ request: z.ZodType; response: z.ZodType }>;

/** The request of a channel that takes no arguments. */
export const emptyRequest = z.object({}).strict();
