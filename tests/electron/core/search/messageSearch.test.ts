import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusMessage } from '../../../../bench/engine/corpus/generateCorpus';
import { createCorpus } from '../../../../bench/engine/corpus/generateCorpus';
import { queryOf, referenceMatcher } from '../../../../bench/engine/scan/referenceMatch';
import { sampleQueries } from '../../../../bench/engine/scan/sampleQueries';
import { useTempDirs } from '../helpers/tempDirs';
import { openSearchFixture, type SearchFixture } from './helpers/searchFixture';

const newDir = useTempDirs('tidings-search-');
const COUNT = 4000;
let f: SearchFixture;

beforeAll(() => {
  f = openSearchFixture(newDir(), { count: COUNT });
});
afterAll(() => f.close());

/** Row ids of the messages the reference scan finds, newest first (the index's order). */
function scan(match: (m: CorpusMessage) => boolean): number[] {
  return [...f.messages.entries()]
    .filter(([, m]) => match(m))
    .sort((a, b) => b[1].sentAt - a[1].sentAt || b[0] - a[0])
    .map(([rowId]) => rowId);
}

describe('search against a brute-force scan of a generated corpus', () => {
  const corpus = createCorpus({ seed: 7, conversations: 40, senders: 60 });
  const messages = () => [...f.messages.values()];

  it('finds exactly what the scan finds, for every query class', async () => {
    const queries = sampleQueries(messages(), corpus.chinese, corpus.english, 12);
    let withHits = 0;
    for (const q of queries) {
      const matches = referenceMatcher(q.terms);
      const expected = scan(
        (m) => matches(m.text) && (q.conversationId === undefined || m.conversationId === q.conversationId),
      );
      const found = await f.searchAll(
        queryOf(q.terms),
        q.conversationId === undefined ? {} : { conversationId: q.conversationId },
      );
      expect(new Set(found), `${q.cls} ${queryOf(q.terms)}`).toEqual(new Set(expected));
      if (expected.length > 0) withHits++;
    }
    // The sample must exercise the index, not only agree on empty results.
    expect(withHits).toBeGreaterThan(queries.length / 2);
  });

  it('finds every CJK substring of stored messages (recall 1.000 on 300 random cuts)', async () => {
    const all = messages();
    let checked = 0;
    for (let i = 0; checked < 300; i++) {
      const m = all[(i * 7919) % all.length] as CorpusMessage;
      const runs = m.text.match(/\p{Script=Han}{2,}/gu) ?? [];
      const run = runs[i % Math.max(1, runs.length)];
      if (run === undefined) continue;
      const len = 2 + (i % Math.min(5, run.length - 1));
      const start = i % (run.length - len + 1);
      const q = run.slice(start, start + len);
      const found = new Set(await f.searchAll(q));
      const expected = scan((x) => x.text.includes(q));
      expect(found, q).toEqual(new Set(expected));
      checked++;
    }
  });

  it('never matches across punctuation', async () => {
    const all = messages();
    let checked = 0;
    for (const m of all) {
      const hit = /(\p{Script=Han})[，。！？～…、](\p{Script=Han})/u.exec(m.text);
      if (hit === null) continue;
      const joined = `${hit[1]}${hit[2]}`;
      const found = await f.searchAll(joined);
      for (const rowId of found) expect(f.messages.get(rowId)?.text).toContain(joined);
      checked++;
      if (checked === 60) break;
    }
    expect(checked).toBe(60);
  });

  it('returns hits newest first with ranges that cover the query', async () => {
    const page = await f.backend.messages({
      query: '我们',
      asYouType: false,
      filters: {},
      beforeKey: null,
      limit: 20,
    });
    expect(page.hits.length).toBe(20);
    expect(page.nextKey).not.toBeNull();
    const times = page.hits.map((h) => h.message.sentAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const hit of page.hits) {
      expect(hit.ranges.length).toBeGreaterThan(0);
      for (const r of hit.ranges) expect(hit.text.slice(r.start, r.end)).toBe('我们');
      expect(hit.conversation.id).toBe(hit.message.conversationId);
    }
  });
});

describe('filters and paging', () => {
  const word = '我们';
  const hasWord = (m: CorpusMessage) => m.text.includes(word);

  it('pages through every hit once, in order, with an opaque cursor', async () => {
    const all = await f.searchAll(word, {}, 100);
    const paged = await f.searchAll(word, {}, 7);
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
    expect(all).toEqual(scan(hasWord));
  });

  it('filters by conversation, sender, date range and kind', async () => {
    const sample = [...f.messages.values()].filter(hasWord);
    const m = sample[Math.floor(sample.length / 2)] as CorpusMessage;
    expect(await f.searchAll(word, { conversationId: m.conversationId })).toEqual(
      scan((x) => hasWord(x) && x.conversationId === m.conversationId),
    );
    expect(await f.searchAll(word, { senderId: m.senderId })).toEqual(
      scan((x) => hasWord(x) && x.senderId === m.senderId),
    );
    const since = m.sentAt - 3_600_000;
    const until = m.sentAt;
    expect(await f.searchAll(word, { since, until })).toEqual(
      scan((x) => hasWord(x) && x.sentAt >= since && x.sentAt <= until),
    );
    expect(await f.searchAll(word, { kind: 'text' })).toEqual(scan(hasWord));
    expect(await f.searchAll(word, { kind: 'file' })).toEqual([]);
    expect(await f.searchAll(word, { conversationId: 'no-such-conversation' })).toEqual([]);
  });

  it('indexes only kinds with text, and filters by kind', async () => {
    const [rowId] = f.writer.write([
      {
        index: -1,
        fp: 'card-1',
        conversationId: 'g0',
        seq: 99_999,
        senderId: 'u1',
        sentAt: 1,
        kind: 'card',
        text: '季度报告',
      },
    ]);
    const text = await f.backend.messages({
      query: '季度报告',
      asYouType: false,
      filters: {},
      beforeKey: null,
      limit: 10,
    });
    expect(text.hits.map((h) => h.message.id)).toEqual([]);
    expect(rowId).toBeGreaterThan(0);
  });
});

describe('recall, delete and rebuild', () => {
  it('drops recalled and deleted messages from the index, and a rebuild keeps them out', async () => {
    const before = await f.searchAll('我们');
    const [recalled, deleted] = before;
    if (recalled === undefined || deleted === undefined) throw new Error('corpus too small');
    f.writer.recall([recalled], 10);
    f.writer.delete([deleted], 11);
    const after = await f.searchAll('我们');
    expect(after).toEqual(before.slice(2));

    const queries = ['我们', '什么', 'the', '一个 时候'];
    const expected = await Promise.all(queries.map((q) => f.searchAll(q)));
    f.progress.length = 0;
    const started = await f.backend.rebuild();
    expect(started.state).toBe('rebuilding');
    // The backend drives the batches in the background; wait for the last progress event.
    await waitFor(() => f.progress.at(-1)?.state === 'ready');
    const done = f.progress.map((p) => p.done);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    expect(f.progress.at(-1)).toMatchObject({ state: 'ready', total: f.messages.size + 1 });
    expect(await Promise.all(queries.map((q) => f.searchAll(q)))).toEqual(expected);
  });

  it('rebuilds by itself when the stored index version is not this code’s', async () => {
    const expected = await f.searchAll('时候');
    f.db.prepare(`UPDATE search_meta SET value = 'old' WHERE key = 'index_version'`).run();
    f.progress.length = 0;
    const opened = await f.backend.start();
    expect(opened.state).toBe('rebuilding');
    await waitFor(() => f.progress.at(-1)?.state === 'ready');
    expect(await f.searchAll('时候')).toEqual(expected);
    expect(f.db.prepare(`SELECT value FROM search_meta WHERE key = 'index_version'`).pluck().get()).not.toBe(
      'old',
    );
  });
});

describe('the measured alternatives find the same messages', () => {
  const corpus = createCorpus({ seed: 7, conversations: 40, senders: 60 });
  for (const config of [
    { cjkMode: 'unigram', prefix: [], positions: false },
    { cjkMode: 'unigram', prefix: [], positions: true },
    { cjkMode: 'bigram', prefix: [1], positions: true },
  ] as const) {
    it(`${config.cjkMode}, positions ${config.positions}, prefix [${config.prefix.join(' ')}]`, async () => {
      const g = openSearchFixture(newDir(), { count: 1500, config });
      try {
        const all = [...g.messages.entries()];
        for (const q of sampleQueries([...g.messages.values()], corpus.chinese, corpus.english, 6)) {
          const matches = referenceMatcher(q.terms);
          const expected = all
            .filter(
              ([, m]) =>
                matches(m.text) && (q.conversationId === undefined || m.conversationId === q.conversationId),
            )
            .map(([rowId]) => rowId);
          const found = await g.searchAll(
            queryOf(q.terms),
            q.conversationId === undefined ? {} : { conversationId: q.conversationId },
          );
          expect(new Set(found), `${q.cls} ${queryOf(q.terms)}`).toEqual(new Set(expected));
        }
        expect(await g.searchAll('好世')).toEqual(
          all
            .filter(([, m]) => m.text.includes('好世'))
            .map(([id]) => id)
            .reverse(),
        );
      } finally {
        g.close();
      }
    });
  }
});

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('an account that had messages before search existed', () => {
  it('gets its index built in the background, with a known total from the start', async () => {
    const g = openSearchFixture(newDir(), { count: 700, seed: 3 });
    try {
      // As migration 10 leaves an upgraded database: empty index, rebuild pending.
      g.db.prepare(`UPDATE search_meta SET value = 'old' WHERE key = 'index_version'`).run();
      const first = await g.backend.start();
      expect(first).toEqual({ state: 'rebuilding', done: 0, total: 700 });
      await waitFor(() => g.progress.at(-1)?.state === 'ready');
      expect(g.progress.at(-1)).toEqual({ state: 'ready', done: 700, total: 700 });
      expect((await g.searchAll('我们')).length).toBeGreaterThan(0);
    } finally {
      g.close();
    }
  });
});
