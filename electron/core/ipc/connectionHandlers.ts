import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

export function createConnectionHandlers(ctx: HandlerContext): DomainHandlers<'connection'> {
  return {
    'connection:get': async () => {
      await ctx.sessions.account();
      return ctx.sessions.connectionState();
    },
    'connection:retryNow': async () => {
      await ctx.sessions.account();
      ctx.sessions.current()?.retryNow();
      return ctx.sessions.connectionState();
    },
  };
}
