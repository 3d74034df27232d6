import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startServer, tempDir, waitFor, type ServerProcess } from '../helpers/serverProcess';
import { callBridge } from './helpers/bridgeClient';
import { startBridge, type BridgeProcess } from './helpers/bridgeProcess';
import { buildPrivateRenderer } from './helpers/privateRenderer';
import { openPage, registerThroughUi, type OpenedPage } from './helpers/chatPage';
import { assertChromiumPresent, launchChromium } from './helpers/chromium';
import { onlyAccountDb } from './helpers/localStore';
import { seedHistory } from './helpers/seedHistory';

const COUNT = 100_000;
const results = path.join(repoRoot, 'test-results/e2e');

let server: ServerProcess | undefined;
let host: BridgeProcess | undefined;
let browser: Browser | undefined;
let carol: OpenedPage | undefined;
const dirs: string[] = [];
let staticDir: string | undefined;

function diagnostics(): string {
  return [
    `--- server ---\n${server?.output().slice(-3000) ?? ''}`,
    `--- bridge ---\n${host?.output().slice(-3000) ?? ''}`,
    `--- page ---\n${carol?.problems.join('\n') ?? ''}`,
  ].join('\n');
}

/**
 * Milliseconds from a click to the newest message being in the page, timed inside the page so
 * the test runner's round trips are not counted (the bridge's IPC and the engine's query are).
 */
function timeInPage(page: Page, clickSelector: string, messageId = 'seed-100000'): Promise<number> {
  return page.evaluate(
    ([selector, awaited]) =>
      new Promise<number>((resolve, reject) => {
        const target = document.querySelector<HTMLElement>(selector);
        if (!target) return reject(new Error(`nothing matches ${selector}`));
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(`[data-message-id="${awaited}"]`)) return;
          observer.disconnect();
          resolve(Math.round(performance.now() - started));
        });
        observer.observe(document.body, { subtree: true, childList: true });
        target.click();
      }),
    [clickSelector, messageId] as const,
  );
}

assertChromiumPresent();

beforeAll(async () => {
  const renderer = await buildPrivateRenderer();
  staticDir = renderer.dir;
  dirs.push(renderer.dir);
  server = await startServer();
  const dataDir = tempDir('tidings-long-history-');
  dirs.push(server.dataDir, dataDir);
  host = await startBridge({ dataDir, staticDir });
  browser = await launchChromium();
  const page = await openPage(browser, host.pageUrl);
  await registerThroughUi(page.page, {
    serverUrl: server.url,
    username: 'carol',
    password: 'carol-password',
    displayName: 'Carol',
  });
  const me = await callBridge(host, 'auth:current', {});
  if (!me.ok || !me.value) throw new Error('carol is not signed in');
  await page.page.close();

  // The engine must not hold the store while it is written; the session survives the restart.
  expect(await host.stop()).toBe(0);
  const dbFile = await waitFor(() => onlyAccountDb(dataDir), { what: "carol's database" });
  seedHistory({
    dbFile,
    me: me.value.userId,
    peer: { userId: 'ghost-user', username: 'ghost', displayName: 'Ghost' },
    count: COUNT,
    newestAt: Date.now() - 60_000,
  });
  // A short conversation beside it, to compare opening times on the same machine at the same moment.
  seedHistory({
    dbFile,
    me: me.value.userId,
    peer: { userId: 'wisp-user', username: 'wisp', displayName: 'Wisp' },
    count: 20,
    newestAt: Date.now() - 120_000,
    idPrefix: 'short',
  });
  host = await startBridge({ dataDir, staticDir });
  carol = await openPage(browser, host.pageUrl);
  await carol.page.getByTestId('app-shell').waitFor();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await server?.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a conversation with 100k messages', () => {
  it('opens on its newest page with only the visible rows in the page, and older pages load on scroll without moving the view', async () => {
    const page = carol?.page;
    if (!page) throw new Error('no page');
    try {
      const item = page.getByTestId('conversation-item').filter({ hasText: 'Ghost' });
      await item.waitFor();
      const newest = page.locator('[data-message-id="seed-100000"]');
      const shortOpenMs = await timeInPage(page, '[data-conversation-id*="wisp-user"]', 'short-20');
      const openMs = await timeInPage(page, '[data-conversation-id*="ghost-user"]');
      await newest.waitFor();

      const list = page.getByTestId('message-list');
      // Only the newest page is loaded, and only what is on screen (plus overscan) is in the DOM.
      expect(Number(await list.getAttribute('data-count'))).toBeLessThanOrEqual(50);
      const rendered = await page.getByTestId('message-bubble').count();
      expect(rendered).toBeGreaterThan(3);
      expect(rendered).toBeLessThan(40);
      fs.mkdirSync(results, { recursive: true });
      await page.screenshot({ path: path.join(results, 'long-history-en-light.png') });

      // Scroll to the top of what is loaded: the next page comes, and the message that was at the
      // top stays where it was on screen.
      let pagesLoaded = 0;
      let anchorsChecked = 0;
      for (let round = 0; round < 4; round += 1) {
        const before = Number(await list.getAttribute('data-count'));
        // Scroll to the top, let the list draw it, and note the message at the top of the view,
        // before the older page (asked for by the scroll) arrives.
        const anchor = await page.evaluate(async (loaded) => {
          const scroller = document.querySelector<HTMLElement>('[data-testid="message-list"]');
          if (!scroller) return null;
          scroller.scrollTop = 0;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          if (Number(scroller.dataset.count) !== loaded) return null;
          const { top, bottom } = scroller.getBoundingClientRect();
          const bubbles = [...document.querySelectorAll<HTMLElement>('[data-testid="message-bubble"]')];
          const first = bubbles
            .map((b) => ({ id: b.dataset.messageId ?? '', y: b.getBoundingClientRect().top }))
            .filter((b) => b.y >= top && b.y < bottom)
            .sort((a, b) => a.y - b.y)[0];
          return first ?? null;
        }, before);
        await waitFor(async () => Number(await list.getAttribute('data-count')) > before, {
          timeoutMs: 30_000,
          what: 'an older page',
        });
        pagesLoaded += 1;
        if (anchor) {
          anchorsChecked += 1;
          const element = page.locator(`[data-message-id="${anchor.id}"]`);
          await element.waitFor();
          // Let the virtualizer measure the new rows, then compare where the anchor sits.
          await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          );
          const after = await element.evaluate((el) => el.getBoundingClientRect().top);
          expect(Math.abs(after - anchor.y)).toBeLessThan(24);
        }
        // However much is loaded, the DOM holds about a screenful.
        expect(await page.getByTestId('message-bubble').count()).toBeLessThan(40);
      }
      expect(Number(await list.getAttribute('data-count'))).toBe(50 + pagesLoaded * 100);
      // The page usually arrives after the anchor is noted; at least once, or nothing was checked.
      expect(anchorsChecked).toBeGreaterThan(0);

      // Jump to latest brings the newest message back.
      await page.getByTestId('jump-latest').click();
      await newest.waitFor();

      // Opened again once the engine is warm (the first open also pays for the engine's start-up work).
      await page.getByTestId('rail-settings').click();
      await page.getByTestId('settings-view').waitFor();
      const reopenMs = await timeInPage(page, '[data-testid="rail-chats"]');
      await newest.waitFor();

      fs.writeFileSync(
        path.join(results, 'long-history.json'),
        `${JSON.stringify({ messages: COUNT, openMs, reopenMs, shortOpenMs, renderedBubbles: rendered, pagesLoaded }, null, 2)}\n`,
      );
      console.log(
        `100k-message conversation opened in ${openMs} ms (click to the newest bubble on screen, timed in the page)`,
      );
      expect(carol?.problems.filter((p) => p.startsWith('page error'))).toEqual([]);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${diagnostics()}`, {
        cause: error,
      });
    }
  });
});
