import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFilterTokenCache, filterTokens } from '../../../../../electron/core/search/index/filterTokens';
import { defaultIndexConfig } from '../../../../../electron/core/search/index/indexConfig';
import { prepareIndex } from '../../../../../electron/core/search/index/indexState';
import { createMessageIndex } from '../../../../../electron/core/search/index/messageIndex';
import { createSearchRepository } from '../../../../../electron/core/search/index/searchRepository';
import { openDatabase } from '../../../../../electron/core/store/database';
import { useTempDirs } from '../../helpers/tempDirs';

const newDir = useTempDirs('tidings-message-index-');
let db: Database;

beforeEach(() => {
  db = openDatabase(path.join(newDir(), 'index.db'), { migrations: [] });
  prepareIndex(db, defaultIndexConfig);
});
afterEach(() => db.close());

const message = (rowId: number, text: string) => ({
  rowId,
  conversationId: 'g:1',
  senderId: 'u1',
  sentAt: rowId,
  kind: 'text',
  text,
});

describe('message index writes', () => {
  it('replaces a row indexed before, in a batch that also adds new rows above it', () => {
    const repo = createSearchRepository(db);
    const index = createMessageIndex(repo, defaultIndexConfig);
    const find = (match: string) => repo.rowIds({ match, minRowId: 0, maxRowId: 1e9, limit: 100 });
    db.transaction(() => index.add([message(5, '明天见'), message(7, 'hello')]))();
    expect(find('"明天"')).toEqual([5]);

    // Row 5 again with new text (a rebuild racing a live write, or an edit), and new rows 6 and 9.
    db.transaction(() =>
      index.add([message(6, '明天吃饭'), message(5, 'goodbye'), message(9, 'Hello again')]),
    )();
    expect(find('"明天"')).toEqual([6]);
    expect(find('"goodbye"')).toEqual([5]);
    expect(find('"hello"')).toEqual([9, 7]);
    expect(db.prepare('SELECT count(*) FROM search_fts_docsize').pluck().get()).toBe(4);
  });

  it('matches folded tokens only, as the engine folds them, through the ascii tokenizer', () => {
    const repo = createSearchRepository(db);
    const index = createMessageIndex(repo, defaultIndexConfig);
    db.transaction(() => index.add([message(1, 'CAFÉ naïve ＡＢＣ 你好')]))();
    const find = (match: string) => repo.rowIds({ match, minRowId: 0, maxRowId: 1e9, limit: 10 });
    expect(find('"cafe" AND "naive" AND "abc" AND "你好"')).toEqual([1]);
    expect(find('"好" *')).toEqual([1]);
    expect(find('"café"')).toEqual([]);
  });
});

describe('filter token cache', () => {
  it('gives the same tokens as hashing every time, also past its bound', () => {
    const cached = createFilterTokenCache(3);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 10; i++) {
        expect(cached(`g:${i}`, `u${i % 4}`)).toBe(filterTokens(`g:${i}`, `u${i % 4}`));
      }
    }
  });
});
