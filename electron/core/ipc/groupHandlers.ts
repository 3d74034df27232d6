import { IpcFailure } from '../../../shared/ipc';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

/** Group channels. Placeholder until the engine's group module lands: every call fails clearly. */
export function createGroupHandlers(ctx: HandlerContext): DomainHandlers<'groups'> {
  const pending = async (): Promise<never> => {
    await ctx.sessions.require();
    throw new IpcFailure('internal', 'Groups are not available in this build yet.');
  };
  return {
    'groups:list': pending,
    'groups:create': pending,
    'groups:invite': pending,
    'groups:kick': pending,
    'groups:quit': pending,
    'groups:dissolve': pending,
    'groups:rename': pending,
    'groups:setNotice': pending,
    'groups:transfer': pending,
    'groups:setAdmin': pending,
    'groups:members': pending,
    'groups:setNickname': pending,
    'groups:readCount': pending,
  };
}
