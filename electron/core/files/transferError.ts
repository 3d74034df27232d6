import { errorMessages, type ErrorCode } from '../../../shared/ipc';
import { HttpStatusError, ServerUnreachableError } from '../http/httpErrors';

/** A transfer that cannot succeed by trying again later: it fails with this code. */
export class TransferError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = errorMessages[code],
  ) {
    super(message);
    this.name = 'TransferError';
  }
}

/** The server's codes for files, as the user reads them. */
const byServerCode: Readonly<Record<string, ErrorCode>> = {
  'file-too-large': 'file-too-large',
  'quota-exceeded': 'quota-exceeded',
  'checksum-mismatch': 'checksum-mismatch',
  'file-not-found': 'file-not-found',
  'payload-too-large': 'file-too-large',
};

/**
 * What a failed step means: `retry` (the network or the server is away for now: pause and
 * resume from the bytes already moved) or a TransferError to fail with.
 */
export function classify(error: unknown): 'retry' | TransferError {
  if (error instanceof TransferError) return error;
  if (error instanceof ServerUnreachableError) return 'retry';
  if (error instanceof HttpStatusError) {
    if (error.status >= 500 || error.status === 429 || error.status === 408) return 'retry';
    const code = (error.code !== null ? byServerCode[error.code] : undefined) ?? null;
    if (code) return new TransferError(code);
    if (error.status === 404) return new TransferError('file-not-found');
    if (error.status === 401) return new TransferError('session-expired');
    return new TransferError('server-error', error.message);
  }
  // A body stream cut off mid-way (socket closed, server killed) surfaces as a plain error.
  if (error instanceof TypeError || isSocketError(error)) return 'retry';
  return new TransferError('internal', error instanceof Error ? error.message : String(error));
}

function isSocketError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'ECONNABORTED'].includes(code)
  );
}
