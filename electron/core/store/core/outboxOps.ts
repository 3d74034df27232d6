import type { Message } from '../../../../shared/ipc';
import { canRetry, statusesBefore } from '../../domain/messageStatus';
import { toMessage } from '../rows';
import type { StoreContext } from './context';

/** A message waiting for the server's ACK, with the exact frame to (re)send. */
export type OutboxEntry = Readonly<{
  fp: string;
  toUserId: string;
  frame: string;
  attempts: number;
  createdAt: number;
}>;

/** Delivery bookkeeping: what is pending, how often it was sent, and how it ended. */
export function createOutboxOps(ctx: StoreContext) {
  const { db, messages, outbox } = ctx;
  const messageByFp = (fp: string): Message | null => {
    const row = messages.byFp(fp);
    return row ? toMessage(row) : null;
  };

  return {
    listOutbox: (): OutboxEntry[] =>
      outbox.pending().map((row) => ({
        fp: row.fp,
        toUserId: row.to_user_id,
        frame: row.frame,
        attempts: row.attempts,
        createdAt: row.created_at,
      })),
    /** Counts one transmission; the new count, or null when the entry is no longer pending. */
    recordAttempt: (fp: string, now: number): number | null => outbox.recordAttempt(fp, now),
    /** The server stored it: → sent, and the outbox row goes. The message if its status changed. */
    markSent: db.transaction((fp: string): Message | null => {
      const moved = messages.setStatus(fp, 'sent', statusesBefore('sent'));
      // Whether or not the status could move, nothing is pending for this fp any more.
      outbox.remove(fp);
      return moved ? messageByFp(fp) : null;
    }),
    /** Refused, or out of retries: → failed; the row stays for a manual retry. */
    markFailed: db.transaction(
      (
        fp: string,
        now: number,
        failure: Readonly<{ code: string; message: string }> | null = null,
      ): Message | null => {
        const moved = messages.setStatus(fp, 'failed', statusesBefore('failed'));
        if (moved) messages.setFailure(fp, failure);
        if (moved) outbox.fail(fp, now);
        else outbox.remove(fp);
        return moved ? messageByFp(fp) : null;
      },
    ),
    /**
     * The user's retry: failed → sending with the same fp and a fresh budget. The entry to send,
     * or null when the message is not failed.
     */
    retry: db.transaction((fp: string, now: number): { message: Message; entry: OutboxEntry } | null => {
      const row = messages.byFp(fp);
      if (!row || row.deleted_at !== null || !canRetry(row.status)) return null;
      if (!outbox.revive(fp, now)) return null;
      messages.setStatus(fp, 'sending', ['failed']);
      messages.setFailure(fp, null);
      const entry = outbox.byFp(fp);
      const message = messageByFp(fp);
      if (!entry || !message) return null;
      return {
        message,
        entry: {
          fp,
          toUserId: entry.to_user_id,
          frame: entry.frame,
          attempts: entry.attempts,
          createdAt: entry.created_at,
        },
      };
    }),
  };
}
