import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, accountDatabasePath } from '../../../../electron/core/store/database';
import {
  currentVersion,
  migrate,
  StoreVersionError,
  type Migration,
} from '../../../../electron/core/store/migrate';
import { migrations } from '../../../../electron/core/store/migrations';
import { tempDir } from '../../../helpers/serverProcess';

describe('migrate', () => {
  it('numbers migrations 1..N and brings a new file to the newest version in WAL mode', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
    const file = path.join(tempDir(), 'a', 'tidings.db');
    const db = openDatabase(file);
    expect(currentVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('is a no-op on a file that is already current', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toEqual({ from: 0, to: migrations.length });
    expect(migrate(db, migrations)).toEqual({ from: migrations.length, to: migrations.length });
  });

  it('refuses a file written by a newer version, with a clear message, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'tidings.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(StoreVersionError);
    expect(() => openDatabase(file)).toThrow(/schema version \d+.*knows only up to \d+.*Update Tidings/);
    const again = new Database(file);
    expect(currentVersion(again)).toBe(migrations.length + 5);
    again.close();
  });

  it('rolls a failing migration back to the previous whole version', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x INTEGER)') },
      {
        version: 2,
        name: 'two',
        up: (d) => {
          d.exec('CREATE TABLE two (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, steps)).toThrow('boom');
    expect(currentVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(['one']);
  });

  it('rejects a migration list with a gap', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'two', up: () => {} }])).toThrow(/expected 1/);
  });
});

describe('accountDatabasePath', () => {
  it('puts each account in its own folder and never lets an id escape the data dir', () => {
    expect(accountDatabasePath('/data', 'u_123')).toBe(path.join('/data', 'accounts', 'u_123', 'tidings.db'));
    const odd = accountDatabasePath('/data', '../../etc');
    expect(path.dirname(path.dirname(odd))).toBe(path.join('/data', 'accounts'));
    expect(accountDatabasePath('/data', '..')).not.toContain(`${path.sep}..${path.sep}`);
  });
});
