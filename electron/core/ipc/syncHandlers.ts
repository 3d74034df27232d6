import { IpcFailure, type SyncProgress } from '../../../shared/ipc';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

const idle: SyncProgress = {
  phase: 'idle',
  applied: 0,
  pendingConversations: 0,
  backfillRemaining: 0,
  lastSyncedAt: null,
  pendingSends: 0,
};

export function createSyncHandlers(ctx: HandlerContext): DomainHandlers<'sync'> {
  return {
    'sync:get': async () => {
      await ctx.sessions.account();
      return ctx.sessions.current()?.sync.progress() ?? idle;
    },
    'sync:now': async () => {
      const session = await ctx.sessions.require();
      if (session.basic()) throw new IpcFailure('unavailable-in-basic-mode');
      if (!session.synced()) throw new IpcFailure('offline');
      return session.sync.syncNow();
    },
  };
}
