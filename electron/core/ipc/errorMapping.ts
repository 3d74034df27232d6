import { errorMessages, IpcFailure, type ErrorCode, type IpcError } from '../../../shared/ipc';
import { BadResponseError, HttpStatusError, ServerUnreachableError } from '../http/httpErrors';
import { CommandFailure, LinkDownError } from '../net/commandClient';
import { StoreVersionError } from '../store/migrate';

const byHttpStatus: Readonly<Record<number, ErrorCode>> = {
  400: 'invalid-request',
  401: 'invalid-credentials',
  404: 'user-not-found',
  409: 'username-taken',
  429: 'rate-limited',
};

/**
 * The one place where anything a handler throws becomes an IPC error code. Unknown failures
 * become `internal` with the generic sentence, so no stack or SQL text reaches the page.
 */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof IpcFailure) return { code: error.code, message: error.message };
  if (error instanceof ServerUnreachableError) return describe('server-unreachable');
  if (error instanceof HttpStatusError) {
    const code = byHttpStatus[error.status];
    if (code === 'invalid-request') return { code, message: error.message };
    // Any other answer (5xx, 403, 429...) is the server's to explain, not ours.
    return describe(code ?? 'server-error');
  }
  if (error instanceof BadResponseError) return describe('server-error');
  if (error instanceof LinkDownError) return describe('offline');
  if (error instanceof CommandFailure)
    return describe(error.code === 'rate-limited' ? 'rate-limited' : 'server-error');
  // Opening the account's database failed in a way the user can act on (update the app).
  if (error instanceof StoreVersionError) return { code: 'internal', message: error.message };
  return describe('internal');
}

function describe(code: ErrorCode): IpcError {
  return { code, message: errorMessages[code] };
}
