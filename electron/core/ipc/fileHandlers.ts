import { IpcFailure } from '../../../shared/ipc';
import type { TransferManager } from '../files/transferManager';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

/** Files belong to a Tidings server; a stock server (basic mode) has none. */
export function createFileHandlers(ctx: HandlerContext): DomainHandlers<'files'> {
  const files = async (): Promise<TransferManager> => {
    const session = await ctx.sessions.require();
    if (!session.files || session.basic()) throw new IpcFailure('unavailable-in-basic-mode');
    return session.files;
  };
  return {
    'files:send': async (request) => (await files()).send(request),
    'files:download': async ({ messageId, dir }) => (await files()).download(messageId, dir),
    'files:cancel': async ({ messageId }) => (await files()).cancel(messageId),
    'files:retry': async ({ messageId }) => (await files()).retry(messageId),
    'files:get': async ({ messageId }) => (await files()).local(messageId),
    'files:transfers': async () => (await files()).list(),
  };
}
