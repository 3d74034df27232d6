import type { MessageStatus } from '../../../shared/ipc';

/**
 * Which status changes a message may make by itself. Status only moves forward, so a late or
 * repeated signal (a duplicate ACK, a refusal after the ACK) can never undo a newer one.
 * `failed → sent` and `failed → read` are allowed on purpose: an ACK or a receipt that arrives
 * after the retry budget ran out proves the server stored the message, and showing "failed"
 * would then be false. The one move backwards, failed → sending, is the user's manual retry
 * (`canRetry`), never automatic.
 */
const allowed: Readonly<Record<MessageStatus, readonly MessageStatus[]>> = {
  sending: ['sent', 'read', 'failed'],
  sent: ['read'],
  read: [],
  failed: ['sent', 'read'],
  received: ['read'],
};

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return allowed[from].includes(to);
}

/** The statuses a message must have for a move to `to` to be allowed. */
export function statusesBefore(to: MessageStatus): MessageStatus[] {
  return (Object.keys(allowed) as MessageStatus[]).filter((from) => canTransition(from, to));
}

/** Only a failed message may be sent again (with the same fp). */
export function canRetry(status: MessageStatus): boolean {
  return status === 'failed';
}
