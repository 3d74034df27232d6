import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bubble, openChatWith, sendText, type OpenedPage } from './helpers/chatPage';
import { assertChromiumPresent } from './helpers/chromium';
import { hits, openSearchByShortcut, scrollResultsToEnd, searchFor, switchTo } from './helpers/searchPage';
import { LOOKS, goTo, setLook, shoot } from './helpers/socialPage';
import { twoPeople } from './helpers/twoPeople';

/** The word sits inside a sentence: CJK text has no spaces, so this needs the bigram index. */
const HIT = '我们周末去北京看升旗吧';
const WORD = '北京';
/** More than a page of newer messages, so the hit is not among the ones a chat opens on. */
const FILLERS = 60;
const filler = (n: number) => `今天天气不错（第${n}条）`;

let alice: OpenedPage;
let bob: OpenedPage;
const { step, diagnostics, start, close } = twoPeople({
  prefix: 'tidings-e2e-search-',
  register: { alice: 'Alice', bob: '鲍勃' },
});

assertChromiumPresent();

beforeAll(async () => {
  ({
    pages: { alice, bob },
  } = await start());
  await step(async () => {
    await openChatWith(alice.page, 'bob');
    await sendText(alice.page, HIT);
    for (let n = 1; n <= FILLERS; n++) await sendText(alice.page, filler(n));
    await bubble(alice.page, filler(FILLERS), 'outgoing')
      .and(alice.page.locator('[data-status="sent"], [data-status="read"]'))
      .waitFor();
  });
});

afterAll(async () => {
  const codes = await close();
  expect(
    codes.filter((code) => code !== undefined && code !== 0),
    diagnostics(),
  ).toEqual([]);
});

describe('search and the quick switcher in Chromium against a real server', () => {
  it('finds a Chinese word inside a sentence and jumps to it, with its context loaded and the hit highlighted', async () => {
    await step(async () => {
      // Bob's device has the messages by sync; Ctrl+F opens the search view.
      await bob.page.getByTestId('conversation-item').filter({ hasText: 'Alice' }).waitFor();
      await openSearchByShortcut(bob.page);
      await searchFor(bob.page, WORD);

      const group = bob.page.getByTestId('search-group').filter({ hasText: 'Alice' });
      const hit = group.getByTestId('search-hit');
      await expect.poll(() => hit.count()).toBe(1);
      expect(await hit.getByTestId('search-snippet').textContent()).toBe(HIT);
      expect(await hit.locator('mark').allTextContents()).toEqual([WORD]);

      await hit.click();
      await bob.page.getByTestId('chat-header').filter({ hasText: 'Alice' }).waitFor();
      const highlighted = bob.page.locator('.bubble-row.highlighted').filter({ hasText: HIT });
      await highlighted.waitFor();
      expect(await highlighted.isVisible()).toBe(true);
      // Its neighbours came with it: the message after it is there too.
      await bubble(bob.page, filler(1), 'incoming').waitFor();
    });
  });

  it('loads more results as the list scrolls, and narrows them with filters', async () => {
    await step(async () => {
      await goTo(bob.page, 'search');
      await searchFor(bob.page, '天气');
      await expect.poll(() => hits(bob.page).count()).toBe(20);
      await scrollResultsToEnd(bob.page);
      await expect.poll(() => hits(bob.page).count()).toBeGreaterThan(20);
      await scrollResultsToEnd(bob.page);
      await expect.poll(() => hits(bob.page).count()).toBe(FILLERS);
      await bob.page.getByTestId('search-results').getByText('No more results.').waitFor();

      await bob.page.getByTestId('search-filter-kind').selectOption('image');
      await bob.page.locator('[data-testid="search-status"][data-state="empty"]').waitFor();
      await bob.page.getByTestId('search-filter-kind').selectOption('');
      await hits(bob.page).first().waitFor();
      await bob.page.getByTestId('search-filter-sender').selectOption({ label: 'You' });
      await bob.page.locator('[data-testid="search-status"][data-state="empty"]').waitFor();
    });
  });

  it('quick switcher (Ctrl+K) finds a Chinese name by its pinyin and opens the chat', async () => {
    await step(async () => {
      await goTo(alice.page, 'contacts');
      const options = await switchTo(alice.page, 'baobo');
      await options.filter({ hasText: '鲍勃' }).first().waitFor();
      await alice.page.getByTestId('switcher-input').fill('bb');
      await options.filter({ hasText: '鲍勃' }).first().waitFor();
      await alice.page.keyboard.press('Enter');
      await alice.page.getByTestId('quick-switcher').waitFor({ state: 'detached' });
      await alice.page.getByTestId('chat-header').filter({ hasText: '鲍勃' }).waitFor();
    });
  });

  it('takes screenshots of search, the jump and the switcher in both languages and both themes', async () => {
    await step(async () => {
      for (const look of LOOKS) {
        await setLook(bob.page, look);
        await goTo(bob.page, 'search');
        await searchFor(bob.page, WORD);
        await shoot(bob.page, 'search-results', look);
        await hits(bob.page).first().click();
        await bob.page.locator('.bubble-row.highlighted').waitFor();
        await shoot(bob.page, 'search-jump', look);

        await switchTo(bob.page, 'alice');
        await bob.page.getByTestId('switcher-option').first().waitFor();
        await shoot(bob.page, 'switcher', look);
        await bob.page.keyboard.press('Escape');
        await bob.page.getByTestId('quick-switcher').waitFor({ state: 'detached' });
      }
      expect(bob.problems.filter((p) => p.startsWith('page error'))).toEqual([]);
      expect(alice.problems.filter((p) => p.startsWith('page error'))).toEqual([]);
    });
  });
});
