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
import { ENGINE_MIGRATION_MAX, migrations } from '../../../../electron/core/store/migrations';
import { useTempDirs } from '../helpers/tempDirs';

const newDir = useTempDirs();
const newest = migrations.at(-1)?.version ?? 0;
const applied = (db: Database.Database): number[] =>
  db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];

describe('migrate', () => {
  it('numbers the engine migrations 1..N within its reserved range and opens a new file in WAL mode', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(newest).toBeLessThanOrEqual(ENGINE_MIGRATION_MAX);
    const db = openDatabase(path.join(newDir(), 'a', 'tidings.db'));
    expect(currentVersion(db)).toBe(newest);
    expect(applied(db)).toEqual(migrations.map((m) => m.version));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('is a no-op on a file that is already current', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toMatchObject({ from: 0, to: newest });
    expect(migrate(db, migrations)).toEqual({ from: newest, to: newest, applied: [] });
  });

  it('refuses a file written by a newer version, with a clear message, and leaves it untouched', () => {
    const file = path.join(newDir(), 'tidings.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${newest + 50}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(StoreVersionError);
    expect(() => openDatabase(file)).toThrow(/schema version \d+.*knows only up to \d+.*Update Tidings/);
    const again = new Database(file);
    expect(currentVersion(again)).toBe(newest + 50);
    again.close();
  });

  it('rolls a failing migration back to the previous whole step', () => {
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
    expect(applied(db)).toEqual([1]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['one', 'schema_migrations']);
  });

  it('rejects two migrations with the same number', () => {
    const db = new Database(':memory:');
    const step = (name: string): Migration => ({ version: 2, name, up: () => {} });
    expect(() => migrate(db, [step('a'), step('b')])).toThrow(/share version 2/);
  });

  it('runs an engine step added below an extension step that was applied before it', () => {
    const db = new Database(':memory:');
    const made: string[] = [];
    const step = (version: number): Migration => ({
      version,
      name: `m${version}`,
      up: () => void made.push(`m${version}`),
    });
    migrate(db, [step(1), step(10)]);
    expect(currentVersion(db)).toBe(10);
    // A later build adds engine step 2: it must run although user_version is already 10.
    expect(migrate(db, [step(1), step(2), step(10)]).applied).toEqual([2]);
    expect(made).toEqual(['m1', 'm10', 'm2']);
    expect(currentVersion(db)).toBe(10);
  });

  it('adopts a file from before schema_migrations existed (user_version only)', () => {
    const db = new Database(':memory:');
    const made: number[] = [];
    const step = (version: number): Migration => ({
      version,
      name: `m${version}`,
      up: () => void made.push(version),
    });
    db.pragma('user_version = 1');
    expect(migrate(db, [step(1), step(2)]).applied).toEqual([2]);
    expect(made).toEqual([2]);
    expect(applied(db)).toEqual([1, 2]);
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
