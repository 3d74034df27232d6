import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

export function createSettingsHandlers(ctx: HandlerContext): DomainHandlers<'settings'> {
  return {
    'settings:get': () => ctx.settings.get(),
    'settings:set': async (patch) => {
      const settings = await ctx.settings.update(patch);
      ctx.events.emit({ name: 'settings:changed', payload: settings });
      return settings;
    },
  };
}
