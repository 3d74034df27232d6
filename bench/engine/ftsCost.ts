import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFilterTokenCache } from '../../electron/core/search/index/filterTokens';
import { bigramDocument } from '../../electron/core/search/text/bigramDocument';
import { createCorpus } from './corpus/generateCorpus';
import { machineLoad, mib } from './harness/stats';

/**
 * The FTS5 table alone, fed the engine's documents in sync-sized transactions: the index's own
 * cost per message, split into inserts and commits (where FTS5 flushes a segment and merges),
 * in CPU time of this process, which a loaded machine inflates far less than wall time.
 * Compares FTS5 options (`--automerge`, `--prefix`, `--tokenizer`, `--batch`) without the store.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '1000000' },
      batch: { type: 'string', default: '200' },
      automerge: { type: 'string' },
      prefix: { type: 'string', default: '1' },
      tokenizer: { type: 'string', default: 'ascii' },
      dir: { type: 'string', default: path.join(os.tmpdir(), 'tidings-bench-engine') },
    },
  });
  const count = Number(values.messages);
  const batch = Number(values.batch);
  const corpus = createCorpus({ seed: 20240607 });
  const filterTokens = createFilterTokenCache();
  const documents: string[] = [];
  let textBytes = 0;
  for (let i = 0; i < count; i++) {
    const m = corpus.next();
    textBytes += Buffer.byteLength(m.text, 'utf8');
    const document = bigramDocument(m.text);
    documents.push(document === '' ? '' : `${document} ${filterTokens(m.conversationId, m.senderId)}`);
  }

  fs.mkdirSync(values.dir, { recursive: true });
  const file = path.join(values.dir, 'fts-cost.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Options from the command line of this benchmark only; checked before they reach SQL.
  const tokenizer = values.tokenizer === 'unicode61' ? 'unicode61 remove_diacritics 2' : 'ascii';
  const prefix = /^[1-9]?$/.test(values.prefix) ? values.prefix : '1';
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(t, content = '', contentless_delete = 1, detail = none,
    tokenize = '${tokenizer}'${prefix ? `, prefix = '${prefix}'` : ''})`);
  if (values.automerge !== undefined)
    db.prepare("INSERT INTO f (f, rank) VALUES ('automerge', ?)").run(Number(values.automerge));
  const insert = db.prepare<[number, string]>('INSERT INTO f (rowid, t) VALUES (?, ?)');
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');

  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let insertMs = 0;
  let commitMs = 0;
  const loadBefore = machineLoad();
  for (let i = 0; i < count; i += batch) {
    const a = cpu();
    begin.run();
    for (let j = i; j < Math.min(count, i + batch); j++) {
      const document = documents[j] as string;
      if (document !== '') insert.run(j + 1, document);
    }
    const b = cpu();
    commit.run();
    insertMs += b - a;
    commitMs += cpu() - b;
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = fs.statSync(file).size;
  db.close();
  const perMessage = (ms: number) => Math.round((ms / count) * 10000) / 10;
  console.log(
    JSON.stringify({
      messages: count,
      batch,
      options: { tokenizer, prefix, automerge: values.automerge ?? 'default (4)' },
      cpuMicrosecondsPerMessage: {
        insert: perMessage(insertMs),
        commit: perMessage(commitMs),
        total: perMessage(insertMs + commitMs),
      },
      indexMiB: mib(bytes),
      ratioToText: Math.round((bytes / textBytes) * 100) / 100,
      loadavg: [loadBefore.loadavg[0], machineLoad().loadavg[0]],
    }),
  );
}

main();
