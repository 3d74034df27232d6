import { IpcFailure } from '../../../shared/ipc';
import type { HandlerContext } from './handlerContext';
import type { DomainHandlers } from './handlerTable';

// Interim: the contract lands first so the UI can build against it; the engine follows.
const pending = (): Promise<never> =>
  Promise.reject(new IpcFailure('internal', 'File transfers are not ready yet.'));

export function createFileHandlers(ctx: HandlerContext): DomainHandlers<'files'> {
  void ctx;
  return {
    'files:send': pending,
    'files:download': pending,
    'files:cancel': pending,
    'files:retry': pending,
    'files:get': pending,
    'files:transfers': pending,
  };
}
