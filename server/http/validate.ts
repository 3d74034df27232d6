import type { z } from 'zod';
import { AppError } from '../errors';

/** Validates against a shared/protocol schema; the first issue becomes the 400's message. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('invalid-request', `${where}${issue?.message ?? 'invalid request'}`);
}
