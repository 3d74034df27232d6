import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type ServerProcess } from '../helpers/serverProcess';
import { adminServerArgs, broadcastNotice, publishBroadcast, recallBroadcast } from './helpers/broadcastPage';
import { chooseLanguage, chooseTheme, goTo, registerThroughUi, type OpenedPage } from './helpers/chatPage';
import { assertChromiumPresent } from './helpers/chromium';
import { people } from './helpers/twoPeople';

const screenshots = path.join(repoRoot, 'test-results/e2e');
const NOTICE = {
  title: '维护通知 Maintenance',
  body: '服务器将于周六 02:00 升级。\nThe server upgrades on Saturday.',
};
const SYSTEM_TITLE = { en: 'System notices', 'zh-CN': '系统通知' } as const;

let server: ServerProcess | undefined;
let bob: OpenedPage;
let broadcastId = '';
// Only bob: a broadcast comes from the server's admin API, not from another person.
const { step, start, close } = people(['bob'], {
  prefix: 'tidings-broadcast-',
  server: { args: adminServerArgs },
  outputTail: 4000,
  failureDetail: async () => {
    const seen =
      (await bob?.page
        .locator('body')
        .innerText()
        .catch(() => '')) ?? '';
    return `\n--- bob's page text ---\n${seen}`;
  },
});

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

/** Opens System notices from the conversation list, by its title in the current language. */
async function openSystemNotices(page: Page, language: keyof typeof SYSTEM_TITLE): Promise<void> {
  await goTo(page, 'chats');
  await page.getByTestId('conversation-item').filter({ hasText: SYSTEM_TITLE[language] }).first().click();
  await page.getByTestId('conversation-pane').waitFor();
}

assertChromiumPresent();

beforeAll(async () => {
  ({
    server,
    pages: { bob },
  } = await start());
});

afterAll(async () => {
  await close();
});

describe('broadcasts in the UI, in Chromium through the bridge, against a real server', () => {
  it('a published broadcast appears in System notices as a read-only announcement', async () => {
    await step(async () => {
      await registerThroughUi(bob.page, {
        serverUrl: server?.url ?? '',
        username: 'bob',
        password: 'bob-password',
        displayName: 'Bob',
      });
      broadcastId = await publishBroadcast(server?.url ?? '', NOTICE);

      await openSystemNotices(bob.page, 'en');
      const notice = broadcastNotice(bob.page, NOTICE.title);
      await notice.waitFor();
      expect(await notice.locator('.broadcast-tag').textContent()).toBe('Announcement');
      expect(await notice.locator('.bubble-text').textContent()).toBe(NOTICE.body);
      // Nobody replies to the server: no composer, a notice saying so instead.
      await bob.page.getByTestId('read-only-notice').waitFor();
      expect(await bob.page.getByTestId('composer-input').count()).toBe(0);
    });
  });

  it('shows System notices in both languages and both themes', async () => {
    await step(async () => {
      const page = bob.page;
      for (const language of ['en', 'zh-CN'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          await chooseLanguage(page, language);
          await chooseTheme(page, theme);
          await openSystemNotices(page, language);
          await broadcastNotice(page, NOTICE.title).waitFor();
          await shot(page, `broadcast-${language}-${theme}`);
        }
      }
      await chooseLanguage(page, 'en');
      await chooseTheme(page, 'light');
    });
  });

  it('a recalled broadcast disappears from the page', async () => {
    await step(async () => {
      await openSystemNotices(bob.page, 'en');
      await broadcastNotice(bob.page, NOTICE.title).waitFor();
      await recallBroadcast(server?.url ?? '', broadcastId);
      await broadcastNotice(bob.page, NOTICE.title).waitFor({ state: 'detached' });
      expect(await bob.page.getByText(NOTICE.body).count()).toBe(0);
      await shot(bob.page, 'broadcast-recalled-en-light');
    });
  });
});
