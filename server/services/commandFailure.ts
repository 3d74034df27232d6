import type { CommandError } from '../../shared/protocol';

export type CommandErrorCode = (typeof CommandError)[keyof typeof CommandError];

/** The sentence sent with each command error code (clients may show it). */
export const commandErrorMessages: Readonly<Record<CommandErrorCode, string>> = {
  'invalid-request': 'The command was not valid.',
  'unknown-command': 'This server does not know that command.',
  'cursor-reset':
    'The cursor is older than the server keeps (or newer than it has); resync from sync.conversations.',
  forbidden: 'That conversation is not yours.',
  'not-found': 'No such conversation or message.',
  'recall-window-passed': 'The message is too old to recall.',
  'rate-limited': 'Too many commands; try again later.',
  blocked: 'One of you has blocked the other.',
  'user-not-found': 'No such user.',
  'not-a-member': 'You are not a member of this group.',
  'read-only': 'This group was dissolved; it can only be read.',
  'group-full': 'The group would have more members than this server allows.',
  internal: 'The server could not complete the command.',
};

/** An expected command failure: becomes an error reply with this code; anything else thrown is `internal`. */
export class CommandFailure extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string = commandErrorMessages[code],
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}
