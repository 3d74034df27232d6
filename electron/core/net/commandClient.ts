import {
  commandReplySchema,
  commands,
  decodePayload,
  type CommandArgs,
  type CommandName,
  type CommandValue,
  type Envelope,
} from '../../../shared/protocol';
import type { TimerHandle, Timers } from '../deps/clock';
import type { Logger } from '../deps/logger';
import { commandFrame } from './frames';

/** The server answered a command with an error (`code` is one of `CommandError`, or a newer one). */
export class CommandFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}

/** No link to send the command on, or the link went down before the answer. */
export class LinkDownError extends Error {
  constructor(message = 'not connected') {
    super(message);
    this.name = 'LinkDownError';
  }
}

export type CommandClient = Readonly<{
  call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandValue<N>>;
  /** Takes a typeu 101 reply; false when it matches no pending call. */
  onReply(frame: Envelope): boolean;
  /** The link is gone: every pending call fails (commands are idempotent; callers call again later). */
  linkDown(): void;
}>;

export type CommandClientDeps = Readonly<{
  me: string;
  send(frame: string): boolean;
  timers: Timers;
  logger: Logger;
  generateId(): string;
  timeoutMs: number;
}>;

type Pending = {
  name: CommandName;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: TimerHandle;
};

/** Commands to the server (typeu 100) and their replies (typeu 101), matched by id, validated by name. */
export function createCommandClient(deps: CommandClientDeps): CommandClient {
  const pending = new Map<string, Pending>();

  const settle = (id: string): Pending | undefined => {
    const call = pending.get(id);
    if (!call) return undefined;
    pending.delete(id);
    deps.timers.clearTimeout(call.timer);
    return call;
  };

  return Object.freeze({
    call<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandValue<N>> {
      const id = deps.generateId();
      return new Promise<CommandValue<N>>((resolve, reject) => {
        const timer = deps.timers.setTimeout(() => {
          if (settle(id)) reject(new LinkDownError(`command ${name} timed out`));
        }, deps.timeoutMs);
        pending.set(id, { name, resolve: resolve, reject, timer });
        if (!deps.send(commandFrame(deps.me, { id, name, args }))) {
          settle(id);
          reject(new LinkDownError());
        }
      });
    },
    onReply(frame: Envelope): boolean {
      const decoded = decodePayload(frame.dataContent, commandReplySchema);
      if (!decoded.ok) {
        deps.logger.warn('command.bad-reply', { reason: decoded.message });
        return false;
      }
      const reply = decoded.value;
      const call = settle(reply.id);
      if (!call) return false;
      if (!reply.ok) {
        deps.logger.info('command.failed', { command: call.name, code: reply.error.code });
        call.reject(new CommandFailure(reply.error.code, reply.error.message));
        return true;
      }
      const value = commands[call.name].value.safeParse(reply.value);
      if (!value.success) {
        deps.logger.warn('command.invalid-value', { command: call.name });
        call.reject(new CommandFailure('invalid-reply', `the server's answer to ${call.name} is malformed`));
        return true;
      }
      call.resolve(value.data);
      return true;
    },
    linkDown() {
      for (const id of [...pending.keys()]) settle(id)?.reject(new LinkDownError('the link went down'));
    },
  });
}
