import type { z } from 'zod';
import {
  commandRequestSchema,
  commands,
  type CommandName,
  type CommandReply,
  type CommandValue,
} from '../../shared/protocol';
import type { Logger } from '../log/logger';
import { CommandFailure, commandErrorMessages, type CommandErrorCode } from './commandFailure';

/** Who sent a command: the gateway vouches for both. */
export type CommandContext = Readonly<{ userId: string; deviceId: string }>;

export type ParsedArgs<N extends CommandName> = z.output<(typeof commands)[N]['args']>;

/** One function per command; each may throw `CommandFailure`. */
export type CommandHandlers = {
  readonly [N in CommandName]: (
    context: CommandContext,
    args: ParsedArgs<N>,
  ) => CommandValue<N> | Promise<CommandValue<N>>;
};

/** Commands (typeu 100 → 101): validates the request and its arguments, runs it, replies with a value or an error. */
export type CommandService = Readonly<{
  /** Never rejects: every failure is an error reply. */
  handle(context: CommandContext, dataContent: string | null): Promise<CommandReply>;
}>;

export function createCommandService(
  deps: Readonly<{ handlers: CommandHandlers; logger: Logger }>,
): CommandService {
  const { handlers, logger } = deps;

  const failure = (
    id: string,
    code: CommandErrorCode,
    message = commandErrorMessages[code],
  ): CommandReply => ({
    id,
    ok: false,
    error: { code, message },
  });

  const run = async <N extends CommandName>(
    context: CommandContext,
    id: string,
    name: N,
    rawArgs: unknown,
  ): Promise<CommandReply> => {
    const parsed = commands[name].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return failure(id, 'invalid-request', `Invalid arguments: ${where}${issue?.message ?? 'invalid'}`);
    }
    const handler = handlers[name] as (context: CommandContext, args: unknown) => unknown;
    const value = await handler(context, parsed.data);
    return { id, ok: true, value };
  };

  return {
    async handle(context, dataContent) {
      const request = parseRequest(dataContent);
      if (!request.ok) return failure(request.id, 'invalid-request');
      const { id, name, args } = request.value;
      if (!isCommandName(name)) return failure(id, 'unknown-command');
      try {
        return await run(context, id, name, args);
      } catch (error) {
        if (error instanceof CommandFailure) return failure(id, error.code, error.message);
        logger.error('command failed', { name, error });
        return failure(id, 'internal');
      }
    },
  };
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

type ParsedRequest =
  Readonly<{ ok: true; value: z.output<typeof commandRequestSchema> }> | Readonly<{ ok: false; id: string }>;

/** The request, or the id to answer an invalid one with ('' when it has none). */
function parseRequest(dataContent: string | null): ParsedRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(dataContent ?? '');
  } catch {
    return { ok: false, id: '' };
  }
  const parsed = commandRequestSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return { ok: false, id: typeof id === 'string' && id.length <= 64 ? id : '' };
}
