import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../helpers/serverProcess';

/** Runs one query against a server's database through a separate read-only connection. */
export function queryDb<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dataDir, 'tidings.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Writes a `--config` file and returns the server arguments that use it. */
export function configArgs(config: Readonly<Record<string, unknown>>): string[] {
  const file = path.join(tempDir('tidings-config-'), 'config.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return ['--config', file];
}
