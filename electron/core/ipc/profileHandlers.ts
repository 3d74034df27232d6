import { IpcFailure } from '../../../shared/ipc';
import type { ApiClient } from '../http/apiClient';
import type { Session } from '../session/session';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

/** The own profile: read and change it on the server; the account's name follows. */
export function createProfileHandlers(ctx: HandlerContext): DomainHandlers<'profile'> {
  const tidings = async (): Promise<{ session: Session; api: ApiClient }> => {
    const session = await ctx.sessions.require();
    if (session.api === null) throw new IpcFailure('unavailable-in-basic-mode');
    return { session, api: session.api };
  };
  return {
    'profile:get': async () => {
      const { session, api } = await tidings();
      return session.authed((token) => api.ownProfile(token));
    },
    'profile:update': async (changes) => {
      const { session, api } = await tidings();
      const profile = await session.authed((token) => api.updateProfile(token, changes));
      if (profile.userId === session.account.userId) await ctx.sessions.renameAccount(profile.displayName);
      ctx.events.emit({ name: 'profile:changed', payload: { profile } });
      return profile;
    },
  };
}
