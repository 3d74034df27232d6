import { IpcFailure, type ErrorCode } from '../../../../shared/ipc';
import { CommandError } from '../../../../shared/protocol';
import { CommandFailure, LinkDownError } from '../../net/commandClient';

/** Server codes whose sentence says exactly what was wrong (who may do it, which user). */
const withServerSentence: Readonly<Record<string, ErrorCode>> = {
  [CommandError.forbidden]: 'group-forbidden',
  [CommandError.notAMember]: 'not-a-group-member',
  [CommandError.userNotFound]: 'user-not-found',
  [CommandError.invalidRequest]: 'invalid-request',
};

const plain: Readonly<Record<string, ErrorCode>> = {
  [CommandError.notFound]: 'group-not-found',
  [CommandError.readOnly]: 'group-read-only',
  [CommandError.groupFull]: 'group-full',
  [CommandError.rateLimited]: 'rate-limited',
};

/** What a refused group command means to the user; anything else goes on to the generic mapping. */
export function groupFailure(error: unknown): unknown {
  if (error instanceof LinkDownError) return new IpcFailure('offline');
  if (!(error instanceof CommandFailure)) return error;
  const sentence = withServerSentence[error.code];
  if (sentence !== undefined) return new IpcFailure(sentence, error.message || undefined);
  return new IpcFailure(plain[error.code] ?? 'server-error');
}
