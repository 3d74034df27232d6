import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchChannels, searchEvents } from '../../../../shared/ipc/channels/search';
import { createQuickSwitcher } from '../../../../electron/core/search/switcher/quickSwitcher';
import { runSearch, type SearchCliRequest } from '../../../../electron/core/search/cli/searchCommand';
import { createTidingsApi, isChannel, type TidingsApi } from '../../../../shared/ipc';
import { parseDateArg } from '../../../../electron/core/search/cli/dateArgs';
import { parseCommand, usage } from '../../../../electron/cli/args';
import { useTempDirs } from '../helpers/tempDirs';
import { openSearchFixture, type SearchFixture } from './helpers/searchFixture';
import { searchDispatch } from './helpers/searchDispatch';

const newDir = useTempDirs('tidings-search-ipc-');
let f: SearchFixture;
let dispatch: ReturnType<typeof searchDispatch>;
let api: TidingsApi;

beforeAll(() => {
  f = openSearchFixture(newDir(), { count: 1500, seed: 11, conversations: 12 });
  const switcher = createQuickSwitcher();
  switcher.upsertContact({ userId: 'u1', username: 'zhangsan', displayName: '张三' });
  dispatch = searchDispatch(f, switcher);
  // The renderer's API over the same door, as the CLI gets it.
  api = createTidingsApi({
    invoke: (channel, request) =>
      isChannel(channel) ? dispatch(channel, request) : Promise.reject(new Error(channel)),
    subscribe: () => () => undefined,
  });
});
afterAll(() => f.close());

type Page = {
  hits: Array<{
    message: { id: string; sentAt: number; conversationId: string };
    text: string;
    ranges: Array<{ start: number; end: number }>;
  }>;
  nextCursor: string | null;
};

async function value<T>(channel: string, request: unknown): Promise<T> {
  const result = await dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('search:messages', () => {
  it('pages with an opaque cursor until nextCursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page: Page = await value('search:messages', {
        query: '我们',
        limit: 5,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.hits.map((h) => h.message.id));
      for (const hit of page.hits)
        for (const r of hit.ranges) expect(hit.text.slice(r.start, r.end)).toBe('我们');
      if (page.nextCursor === null) break;
      expect(page.nextCursor).not.toMatch(/^\d+$/);
      cursor = page.nextCursor;
    }
    expect(seen.length).toBeGreaterThan(5);
    expect(new Set(seen).size).toBe(seen.length);
    const all: Page = await value('search:messages', { query: '我们', limit: 100 });
    expect(all.hits.map((h) => h.message.id)).toEqual(seen.slice(0, 100));
  });

  it('rejects a forged cursor and unknown filters, and survives hostile queries', async () => {
    const forged = await dispatch('search:messages', { query: '我们', cursor: 'MTIz' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await dispatch('search:messages', { query: '我们', filters: { sql: '1=1' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    for (const query of [
      '"',
      '*',
      'NEAR(我们 你们)',
      '{m} : x',
      '我们" OR "a',
      "'; DROP TABLE messages; --",
      '\uE000',
    ]) {
      const page: Page = await value('search:messages', { query, asYouType: true });
      for (const hit of page.hits) expect(hit.ranges.length).toBeGreaterThan(0);
    }
    expect(f.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(1500);
  });
});

describe('search:context', () => {
  it('returns the messages around a hit, by id or by conversation and sequence', async () => {
    const page: Page = await value('search:messages', { query: '我们', limit: 1 });
    const hit = page.hits[0];
    if (hit === undefined) throw new Error('no hit');
    const byId = await value<{
      conversationId: string;
      messages: Array<{ id: string; seq: number }>;
      anchorIndex: number;
    }>('search:context', { messageId: hit.message.id, before: 3, after: 3 });
    expect(byId.conversationId).toBe(hit.message.conversationId);
    const anchor = byId.messages[byId.anchorIndex];
    expect(anchor?.id).toBe(hit.message.id);
    const seqs = byId.messages.map((m) => m.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(byId.anchorIndex).toBeLessThanOrEqual(3);
    expect(byId.messages.length - byId.anchorIndex - 1).toBeLessThanOrEqual(3);
    const bySeq = await value('search:context', {
      conversationId: hit.message.conversationId,
      seq: anchor?.seq,
      before: 3,
      after: 3,
    });
    expect(bySeq).toEqual(byId);
    const missing = await dispatch('search:context', { messageId: 'nope', before: 1, after: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('search:rebuild and search:progress', () => {
  it('answers at once and reports progress events that the contract accepts', async () => {
    f.progress.length = 0;
    const started = await value<{ state: string }>('search:rebuild', {});
    expect(started.state).toBe('rebuilding');
    const deadline = Date.now() + 30_000;
    while (f.progress.at(-1)?.state !== 'ready') {
      if (Date.now() > deadline) throw new Error('rebuild did not finish');
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const p of f.progress) expect(searchEvents['search:progress'].safeParse(p).success).toBe(true);
    expect(f.progress.at(-1)).toEqual({ state: 'ready', done: 1500, total: 1500 });
    const page: Page = await value('search:messages', { query: '我们', limit: 3 });
    expect(page.hits.length).toBe(3);
  });
});

describe('search:switcher', () => {
  it('answers ranked entries', async () => {
    const entries = await value<Array<{ id: string }>>('search:switcher', { query: 'zs' });
    expect(entries.map((e) => e.id)).toEqual(['u1']);
    expect(searchChannels['search:switcher'].response.safeParse(entries).success).toBe(true);
  });
});

describe('tidings search (the CLI command)', () => {
  async function cli(query: string, options: Partial<SearchCliRequest> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const request: SearchCliRequest = { query, json: false, limit: 20, ...options };
    const code = await runSearch(api, request, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }
  const json = async (query: string, options: Partial<SearchCliRequest> = {}) =>
    JSON.parse((await cli(query, { ...options, json: true })).out[0] ?? '') as Page;

  it('prints hits with the matches marked, or JSON', async () => {
    const plain = await cli('我们', { limit: 3 });
    expect(plain.code).toBe(0);
    expect(plain.out).toHaveLength(3);
    for (const line of plain.out) expect(line).toContain('[我们]');
    expect((await json('我们', { limit: 3 })).hits).toHaveLength(3);
  });

  it('filters by --in, --from, --since, --until and --kind', async () => {
    const all = await json('我们', { limit: 100 });
    const group = all.hits.find((h) => h.message.conversationId.startsWith('g'))?.message.conversationId;
    if (group === undefined) throw new Error('no group hit');
    const inGroup = await json('我们', { in: group });
    expect(inGroup.hits.length).toBeGreaterThan(0);
    for (const h of inGroup.hits) expect(h.message.conversationId).toBe(group);

    const fromMeRun = await cli('我们', { from: 'me', limit: 100, json: true });
    expect(fromMeRun.err).toEqual([]);
    const fromMe = JSON.parse(fromMeRun.out[0] ?? '') as Page;
    expect(fromMe.hits.length).toBeGreaterThan(0);
    expect(fromMe.hits.length).toBeLessThan(all.hits.length);

    const middle = all.hits[Math.floor(all.hits.length / 2)]?.message.sentAt ?? 0;
    const since = new Date(middle).toISOString();
    const recent = await json('我们', { since, limit: 100 });
    expect(recent.hits.every((h) => h.message.sentAt >= middle)).toBe(true);
    expect(recent.hits.length).toBe(all.hits.filter((h) => h.message.sentAt >= middle).length);
    const older = await json('我们', { until: since, limit: 100 });
    expect(older.hits.every((h) => h.message.sentAt <= middle)).toBe(true);
    expect(older.hits.length + recent.hits.length).toBe(all.hits.length + 1);

    expect((await json('我们', { kind: 'card' })).hits).toEqual([]);
  });

  it('explains bad arguments with exit code 2', async () => {
    expect((await cli('  ')).code).toBe(2);
    expect((await cli('x', { since: 'yesterday' })).code).toBe(2);
    const nobody = await cli('x', { in: 'nobody-here' });
    expect(nobody.code).toBe(2);
    expect(nobody.err.join('\n')).toContain('usage: tidings search');
  });

  it('reads dates as local days, inclusive', () => {
    expect(parseDateArg('2024-02-29', 'start')).toBe(new Date(2024, 1, 29).getTime());
    expect(parseDateArg('2024-02-29', 'end')).toBe(new Date(2024, 2, 1).getTime() - 1);
    expect(parseDateArg('2023-02-29', 'start')).toBeNull();
    expect(parseDateArg('2024-06-07T10:00:00Z', 'start')).toBe(Date.UTC(2024, 5, 7, 10));
  });
});

describe('tidings search on the command line', () => {
  it('parses into a search request, with the shared --json and --limit', () => {
    const command = parseCommand(
      [
        'search',
        '明天',
        '见',
        '--in',
        'bob',
        '--from',
        'alice',
        '--since',
        '2024-01-01',
        '--until',
        '2024-02-01',
        '--kind',
        'text',
        '--json',
        '--limit',
        '5',
      ],
      {},
    );
    expect(command).toMatchObject({
      kind: 'search',
      search: {
        query: '明天 见',
        in: 'bob',
        from: 'alice',
        since: '2024-01-01',
        until: '2024-02-01',
        kind: 'text',
        json: true,
        limit: 5,
      },
    });
    expect(parseCommand(['search', 'x'], {})).toMatchObject({
      kind: 'search',
      search: { query: 'x', json: false, limit: 20 },
    });
    expect(usage).toContain('search <query>');
  });
});
