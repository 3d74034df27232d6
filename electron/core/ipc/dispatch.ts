import type { z } from 'zod';
import {
  channels,
  fail,
  isChannel,
  isShellChannel,
  ok,
  type EngineChannel,
  type ParsedRequestOf,
  type Result,
} from '../../../shared/ipc';
import { errorText, type Logger } from '../deps/logger';
import { toIpcError } from './errorMapping';
import type { Handler, HandlerTable } from './handlerTable';

export type Dispatch = (channel: string, request: unknown) => Promise<Result<unknown>>;

/** Zod's issues as one sentence: `field: problem; other: problem`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

/**
 * The engine's one door: checks the channel and the request against the contract, runs the
 * handler and turns every outcome into a Result. It never throws and never rejects.
 */
export function createDispatch(handlers: HandlerTable, logger: Logger): Dispatch {
  return async (channel: unknown, request: unknown): Promise<Result<unknown>> => {
    try {
      if (!isChannel(channel) || isShellChannel(channel)) {
        return fail('unknown-channel', `Unknown channel: ${label(channel)}.`);
      }
      const parsed = channels[channel].request.safeParse(request);
      if (!parsed.success) return fail('invalid-request', describeIssues(parsed.error));
      // TypeScript cannot correlate `channel` with `parsed.data` across the union; the schema
      // that produced the data is the channel's own, which is what makes this call sound.
      const value = await run(handlers, channel, parsed.data as ParsedRequestOf<typeof channel>);
      // Our own answer is checked too: a reply the renderer would reject is an engine bug.
      const checked = channels[channel].response.safeParse(value);
      if (!checked.success) {
        logger.error('ipc.invalid-response', { channel, issue: describeIssues(checked.error) });
        return fail('internal');
      }
      return ok(checked.data);
    } catch (error) {
      const mapped = toIpcError(error);
      try {
        const level = mapped.code === 'internal' ? 'error' : 'info';
        logger[level]('ipc.failed', { channel: label(channel), code: mapped.code, error: errorText(error) });
      } catch {
        // A failing logger must not turn a Result into a rejection.
      }
      return { ok: false, error: mapped };
    }
  };
}

const label = (channel: unknown): string =>
  typeof channel === 'string' ? channel.slice(0, 100) : typeof channel;

function run<C extends EngineChannel>(
  handlers: HandlerTable,
  channel: C,
  request: ParsedRequestOf<C>,
): Promise<unknown> {
  const handler: Handler<C> = handlers[channel];
  return handler(request);
}
