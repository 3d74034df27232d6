import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../server/storage/migrate';
import { migrations } from '../../../../server/storage/migrations';
import { columnsOf, databaseAt } from './testDb';

describe('009_broadcasts', () => {
  it('upgrades a version 8 database with an empty public inbox at sequence 0', () => {
    const db = databaseAt(8);
    migrate(db, migrations, 9);
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT id, last_seq, revision FROM public_inbox').all()).toEqual([
      { id: 1, last_seq: 0, revision: 0 },
    ]);
    expect(columnsOf(db, 'broadcasts')).toEqual([
      'id',
      'title',
      'body',
      'state',
      'audience',
      'created_at',
      'updated_at',
      'visible_at',
      'published_at',
      'expires_at',
      'public_seq',
    ]);
  });

  it('refuses an unknown state, a second head row and two broadcasts at one public sequence', () => {
    const db = databaseAt(9);
    const insert = db.prepare(
      'INSERT INTO broadcasts (title, body, state, created_at, updated_at, public_seq) VALUES (?, ?, ?, 1, 1, ?)',
    );
    expect(() => insert.run('t', 'b', 'archived', null)).toThrow(/CHECK/);
    insert.run('t', 'b', 'published', 1);
    expect(() => insert.run('t', 'b', 'published', 1)).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare('INSERT INTO public_inbox (id, last_seq, revision) VALUES (2, 0, 0)').run(),
    ).toThrow(/CHECK/);
  });
});
