import { IpcFailure } from '../../../shared/ipc';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

export type ContactHandlers = DomainHandlers<'contacts'> &
  DomainHandlers<'friends'> &
  DomainHandlers<'presence'>;

/** Placeholder until the engine side lands: every channel answers a clear "not yet". */
export function createContactHandlers(ctx: HandlerContext): ContactHandlers {
  const notYet = async (): Promise<never> => {
    await ctx.sessions.require();
    throw new IpcFailure('internal', 'Contacts are not available in this build yet.');
  };
  return {
    'contacts:list': notYet,
    'contacts:search': notYet,
    'contacts:setRemark': notYet,
    'contacts:delete': notYet,
    'contacts:block': notYet,
    'contacts:unblock': notYet,
    'friends:requests': notYet,
    'friends:request': notYet,
    'friends:accept': notYet,
    'friends:reject': notYet,
    'presence:get': notYet,
    'presence:getPrivacy': notYet,
    'presence:setPrivacy': notYet,
  };
}
