import { IpcFailure } from '../../../shared/ipc';
import { createProfileApi } from '../profile/profileApi';
import type { Session } from '../session/session';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

/** The own profile: read and change it on the server; the account's name follows. */
export function createProfileHandlers(ctx: HandlerContext): DomainHandlers<'profile'> {
  const tidings = async (): Promise<Session> => {
    const session = await ctx.sessions.require();
    if (session.api === null) throw new IpcFailure('unavailable-in-basic-mode');
    return session;
  };
  const apiOf = (session: Session) => createProfileApi(session.account.serverUrl, ctx.deps.fetch);
  return {
    'profile:get': async () => {
      const session = await tidings();
      const api = apiOf(session);
      return session.authed((token) => api.get(token));
    },
    'profile:update': async (changes) => {
      const session = await tidings();
      const api = apiOf(session);
      const profile = await session.authed((token) => api.update(token, changes));
      if (profile.userId === session.account.userId) await ctx.sessions.renameAccount(profile.displayName);
      ctx.events.emit({ name: 'profile:changed', payload: { profile } });
      return profile;
    },
  };
}
