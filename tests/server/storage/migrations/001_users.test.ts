import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../../server/storage/migrate';
import { addUser, columnsOf, databaseAt } from './testDb';

describe('001_users', () => {
  it('creates users and tokens and sets user_version 1', () => {
    const db = databaseAt(1);
    expect(schemaVersion(db)).toBe(1);
    expect(columnsOf(db, 'users')).toEqual(['id', 'username', 'password_hash', 'display_name', 'created_at']);
    expect(columnsOf(db, 'tokens')).toEqual(['token_hash', 'user_id', 'created_at']);
    expect(() => db.prepare('SELECT 1 FROM messages').get()).toThrow(/no such table/);
  });

  it('makes usernames unique regardless of case', () => {
    const db = databaseAt(1);
    addUser(db, 'Alice');
    expect(() => addUser(db, 'aLICE')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT username FROM users WHERE username = ?').get('ALICE')).toEqual({
      username: 'Alice',
    });
  });

  it('never reuses a user id after a deletion', () => {
    const db = databaseAt(1);
    addUser(db, 'first');
    const second = addUser(db, 'second');
    db.prepare('DELETE FROM users WHERE id = ?').run(second);
    expect(addUser(db, 'third')).toBe(second + 1);
  });

  it('ties tokens to existing users and drops them with the user', () => {
    const db = databaseAt(1);
    const id = addUser(db, 'tokened');
    const insert = db.prepare('INSERT INTO tokens (token_hash, user_id, created_at) VALUES (?, ?, 1)');
    insert.run(Buffer.alloc(32, 1), id);
    expect(() => insert.run(Buffer.alloc(32, 2), id + 100)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(Buffer.alloc(32, 1), id)).toThrow(/UNIQUE|PRIMARY KEY/);
    db.prepare('DELETE FROM users WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM tokens').get()).toEqual({ n: 0 });
  });

  it('is strict about column types', () => {
    const db = databaseAt(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO users (username, password_hash, display_name, created_at) VALUES ('x', 'h', 'x', 'yesterday')",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
