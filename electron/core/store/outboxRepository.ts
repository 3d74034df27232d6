import type { Database } from 'better-sqlite3';
import type { OutboxRow } from './rows';

export type NewOutboxRow = Readonly<Pick<OutboxRow, 'fp' | 'to_user_id' | 'frame' | 'created_at'>>;

/** The only SQL that touches `outbox`. A failed row stays (without being sent) so a retry can reuse its frame. */
export function createOutboxRepository(db: Database) {
  const insert = db.prepare<NewOutboxRow>(`
    INSERT INTO outbox (fp, to_user_id, frame, created_at) VALUES (@fp, @to_user_id, @frame, @created_at)`);
  const remove = db.prepare<[string]>('DELETE FROM outbox WHERE fp = ?');
  const pending = db.prepare<[], OutboxRow>(
    'SELECT * FROM outbox WHERE failed_at IS NULL ORDER BY created_at, rowid',
  );
  const byFp = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE fp = ?');
  const recordAttempt = db.prepare<[number, string], { attempts: number }>(
    'UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE fp = ? AND failed_at IS NULL RETURNING attempts',
  );
  const fail = db.prepare<[number, string]>(
    'UPDATE outbox SET failed_at = ? WHERE fp = ? AND failed_at IS NULL',
  );
  const revive = db.prepare<[number, string]>(
    'UPDATE outbox SET failed_at = NULL, attempts = 0, created_at = ? WHERE fp = ? AND failed_at IS NOT NULL',
  );

  return {
    insert(row: NewOutboxRow): void {
      insert.run(row);
    },
    remove(fp: string): boolean {
      return remove.run(fp).changes === 1;
    },
    byFp(fp: string): OutboxRow | undefined {
      return byFp.get(fp);
    },
    /** Waiting to be sent, oldest first, so a reconnect resends in the order the user wrote. */
    pending(): OutboxRow[] {
      return pending.all();
    },
    /** The new attempt count, or null when the entry is no longer pending (acknowledged meanwhile). */
    recordAttempt(fp: string, now: number): number | null {
      return recordAttempt.get(now, fp)?.attempts ?? null;
    },
    /** Stops sending it (kept for a manual retry); false if it was not pending. */
    fail(fp: string, now: number): boolean {
      return fail.run(now, fp).changes === 1;
    },
    /** A manual retry: pending again with a fresh budget; false if it had not failed. */
    revive(fp: string, now: number): boolean {
      return revive.run(now, fp).changes === 1;
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
