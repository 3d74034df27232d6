import {
  channels,
  fail,
  ok,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
  type ShellChannel,
} from '../../../shared/ipc';

/** One handler per channel the shell answers itself (`update:*`, `app:*`). */
export type ShellHandlers = {
  readonly [C in ShellChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};

const issues = (error: {
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>;
}): string =>
  error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');

/**
 * The shell's door, built like the engine's: the request is validated against the contract
 * before the handler runs, the answer is checked too, and every outcome is a Result.
 */
export function createShellDispatch(
  handlers: ShellHandlers,
  onError: (event: string, error: unknown) => void,
): (channel: ShellChannel, request: unknown) => Promise<Result<unknown>> {
  return async (channel, request) => {
    const parsed = channels[channel].request.safeParse(request);
    if (!parsed.success) return fail('invalid-request', issues(parsed.error));
    try {
      // The schema that parsed the request is this channel's own, which makes the call sound.
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const checked = channels[channel].response.safeParse(value);
      if (!checked.success) {
        onError('shell-invalid-response', new Error(`${channel}: ${issues(checked.error)}`));
        return fail('internal');
      }
      return ok(checked.data);
    } catch (error) {
      onError(`shell-handler-failed:${channel}`, error);
      return fail('internal');
    }
  };
}
