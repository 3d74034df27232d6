import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/storage/database';
import { migrate, schemaVersion, type Migration } from '../../../server/storage/migrate';
import { migrations } from '../../../server/storage/migrations';
import { tempDir } from '../../helpers/serverProcess';

describe('migrate', () => {
  it('applies every migration once and is idempotent', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db, migrations)).toEqual({ from: 0, to: migrations.length });
    expect(migrate(db, migrations)).toEqual({ from: migrations.length, to: migrations.length });
    expect(schemaVersion(db)).toBe(migrations.length);
  });

  it('rolls a failing step back entirely, version included', () => {
    const db = new BetterSqlite3(':memory:');
    const broken: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x INTEGER)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE b (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(() => db.prepare('SELECT * FROM b').all()).toThrow(/no such table/);
  });

  it('refuses a database from a newer server', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db, migrations)).toThrow(/newer than this server/);
  });

  it('refuses a misnumbered migration list', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: () => {} }])).toThrow(/expected 1/);
  });

  it('opens a file database in WAL mode with synchronous FULL and foreign keys on', () => {
    const file = path.join(tempDir('tidings-db-'), 'tidings.db');
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(schemaVersion(db)).toBe(migrations.length);
    } finally {
      db.close();
    }
    expect(fs.existsSync(file)).toBe(true);
  });
});
