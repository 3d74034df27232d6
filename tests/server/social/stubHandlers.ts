import { socialCommands, type SocialCommandName } from '../../../shared/protocol';
import { CommandFailure } from '../../../server/services/commandFailure';
import type { CommandHandlers } from '../../../server/services/commandService';

const refuse = (): never => {
  throw new CommandFailure('unknown-command');
};

/** A refusing handler for every social command: for command-service tests that do not exercise them. */
export const socialStubHandlers = Object.fromEntries(
  Object.keys(socialCommands).map((name) => [name, refuse]),
) as unknown as Pick<CommandHandlers, SocialCommandName>;
