import type { Database } from 'better-sqlite3';
import type { OutboxRow } from './rows';

export type NewOutboxRow = Readonly<Pick<OutboxRow, 'fp' | 'to_user_id' | 'frame' | 'created_at'>>;

/** The only SQL that touches `outbox`. */
export function createOutboxRepository(db: Database) {
  const insert = db.prepare<NewOutboxRow>(`
    INSERT INTO outbox (fp, to_user_id, frame, created_at) VALUES (@fp, @to_user_id, @frame, @created_at)`);
  const remove = db.prepare<[string]>('DELETE FROM outbox WHERE fp = ?');
  const all = db.prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY created_at, rowid');
  const recordAttempt = db.prepare<[number, string], { attempts: number }>(
    'UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE fp = ? RETURNING attempts',
  );

  return {
    insert(row: NewOutboxRow): void {
      insert.run(row);
    },
    remove(fp: string): boolean {
      return remove.run(fp).changes === 1;
    },
    /** Oldest first, so a reconnect resends in the order the user wrote. */
    all(): OutboxRow[] {
      return all.all();
    },
    /** The new attempt count, or null when the entry is gone (acknowledged meanwhile). */
    recordAttempt(fp: string, now: number): number | null {
      return recordAttempt.get(now, fp)?.attempts ?? null;
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
