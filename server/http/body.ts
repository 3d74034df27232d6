import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';

/**
 * Reads a JSON request body, refusing more than `limit` bytes without buffering them. An empty
 * body is `undefined`; the route's schema decides whether that is allowed.
 * @throws AppError `payload-too-large` or `invalid-request`
 */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new AppError('payload-too-large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new AppError('payload-too-large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('invalid-request', 'The request body is not valid JSON.');
  }
}
