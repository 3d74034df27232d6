import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../server/storage/migrate';
import { migrations } from '../../../../server/storage/migrations';
import { addUser, columnsOf, databaseAt } from './testDb';

describe('004_auth_profiles', () => {
  it('replaces the opaque tokens with sessions and refresh tokens, and adds profile columns', () => {
    const db = databaseAt(4);
    expect(schemaVersion(db)).toBe(4);
    expect(() => db.prepare('SELECT 1 FROM tokens').get()).toThrow(/no such table/);
    expect(columnsOf(db, 'users')).toEqual([
      'id',
      'username',
      'password_hash',
      'display_name',
      'created_at',
      'avatar',
      'signature',
      'disabled',
    ]);
    expect(columnsOf(db, 'auth_sessions')).toEqual(['id', 'user_id', 'created_at', 'revoked_at']);
    expect(columnsOf(db, 'refresh_tokens')).toEqual([
      'token_hash',
      'session_id',
      'issued_at',
      'expires_at',
      'used_at',
    ]);
  });

  it('keeps existing users, with an empty signature, no avatar and enabled', () => {
    const db = databaseAt(3);
    const id = addUser(db, 'before');
    db.prepare('INSERT INTO tokens (token_hash, user_id, created_at) VALUES (?, ?, 1)').run(
      Buffer.alloc(32),
      id,
    );
    migrate(db, migrations, 4);
    expect(
      db.prepare('SELECT username, avatar, signature, disabled FROM users WHERE id = ?').get(id),
    ).toEqual({
      username: 'before',
      avatar: null,
      signature: '',
      disabled: 0,
    });
  });

  it('ties sessions to users and refresh tokens to sessions, and cascades deletes', () => {
    const db = databaseAt(4);
    const userId = addUser(db, 'sessioned');
    const session = db
      .prepare('INSERT INTO auth_sessions (user_id, created_at) VALUES (?, 1) RETURNING id')
      .get(userId) as { id: number };
    const insertToken = db.prepare(
      'INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, 1, 2)',
    );
    insertToken.run(Buffer.alloc(32, 1), session.id);
    expect(() => insertToken.run(Buffer.alloc(32, 2), session.id + 100)).toThrow(/FOREIGN KEY/);
    expect(() => insertToken.run(Buffer.alloc(32, 1), session.id)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() =>
      db.prepare('INSERT INTO auth_sessions (user_id, created_at) VALUES (?, 1)').run(userId + 100),
    ).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM users WHERE id = ?').run(userId);
    expect(db.prepare('SELECT count(*) AS n FROM auth_sessions').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM refresh_tokens').get()).toEqual({ n: 0 });
  });

  it('allows only 0 and 1 as the disabled flag', () => {
    const db = databaseAt(4);
    const id = addUser(db, 'flagged');
    expect(() => db.prepare('UPDATE users SET disabled = 2 WHERE id = ?').run(id)).toThrow(/CHECK/);
    db.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(id);
  });
});
