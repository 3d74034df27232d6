import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHarness } from '../helpers/engineHarness';

describe('storage:stats and storage:clearCache', () => {
  it('need a signed-in account', async () => {
    const h = createHarness();
    expect(await h.raw('storage:stats', {})).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });
    expect(await h.raw('storage:clearCache', {})).toMatchObject({
      ok: false,
      error: { code: 'not-logged-in' },
    });
  });

  it("measure the account's database and picture cache, and empty only the cache", async () => {
    const h = createHarness();
    const account = await h.login();
    await h.waitForState('online');
    const accountDir = path.join(h.dataDir, 'accounts', account.userId);
    const database = path.join(accountDir, 'tidings.db');
    expect(fs.existsSync(database)).toBe(true);

    const before = await h.call('storage:stats', {});
    expect(before.databaseBytes).toBeGreaterThanOrEqual(fs.statSync(database).size);
    expect(before.cacheBytes).toBe(0);

    const cache = path.join(accountDir, 'thumbnails');
    fs.mkdirSync(path.join(cache, 'nested'), { recursive: true });
    fs.writeFileSync(path.join(cache, 'a.png'), Buffer.alloc(1500));
    fs.writeFileSync(path.join(cache, 'nested', 'b.jpg'), Buffer.alloc(500));
    expect((await h.call('storage:stats', {})).cacheBytes).toBe(2000);

    const after = await h.call('storage:clearCache', {});
    expect(after.cacheBytes).toBe(0);
    expect(fs.existsSync(cache)).toBe(false);
    expect(fs.existsSync(database)).toBe(true);
    expect(after.databaseBytes).toBeGreaterThan(0);
    // The store still works after the cache is gone.
    expect(await h.call('conversations:list', {})).toEqual([]);
  });
});
