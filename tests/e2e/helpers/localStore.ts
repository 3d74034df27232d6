import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/** The one account's SQLite file under a client data dir: accounts/<userId>/tidings.db. */
export function onlyAccountDb(dataDir: string): string | null {
  const accounts = path.join(dataDir, 'accounts');
  if (!fs.existsSync(accounts)) return null;
  const ids = fs.readdirSync(accounts);
  if (ids.length !== 1 || !ids[0]) return null;
  const file = path.join(accounts, ids[0], 'tidings.db');
  return fs.existsSync(file) ? file : null;
}

/** Texts of stored messages, read through a read-only connection while the engine keeps writing. */
export function storedTexts(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT body FROM messages').all() as Array<{ body: unknown }>;
    return rows.flatMap((row) => {
      if (typeof row.body !== 'string') return [];
      const body = JSON.parse(row.body) as { text?: unknown };
      return typeof body.text === 'string' ? [body.text] : [];
    });
  } finally {
    db.close();
  }
}
