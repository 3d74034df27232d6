import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startServer, waitFor, type ServerProcess } from '../helpers/serverProcess';
import { callBridge } from './helpers/bridgeClient';
import { type BridgeProcess } from './helpers/bridgeProcess';
import {
  bubble,
  chooseLanguage,
  chooseTheme,
  goTo,
  openChatWith,
  openConversation,
  registerThroughUi,
  sendText,
  waitForStatus,
  type OpenedPage,
} from './helpers/chatPage';
import { assertChromiumPresent } from './helpers/chromium';
import { twoPeople } from './helpers/twoPeople';

const screenshots = path.join(repoRoot, 'test-results/e2e');

let server: ServerProcess | undefined;
let aliceHost: BridgeProcess | undefined;
let bobHost: BridgeProcess | undefined;
let alice: OpenedPage;
let bob: OpenedPage;
const { step, start, replaceServer, close } = twoPeople({ prefix: 'tidings-ui-', outputTail: 4000 });

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

/** The frames a page sends to its bridge, from the moment this is called (the page is reloaded). */
async function recordSentFrames(page: Page): Promise<string[]> {
  const frames: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => {
      if (typeof frame.payload === 'string') frames.push(frame.payload);
    });
  });
  await page.reload();
  await page.getByTestId('app-shell').waitFor();
  return frames;
}

assertChromiumPresent();

beforeAll(async () => {
  ({
    server,
    hosts: { alice: aliceHost, bob: bobHost },
    pages: { alice, bob },
  } = await start());
});

afterAll(async () => {
  await close();
});

describe('the chat UI in Chromium, through the bridge, against a real server', () => {
  it('shows the sign-in screen in both languages and both themes', async () => {
    await step(async () => {
      if (!bobHost) throw new Error('no bridge');
      await bob.page.getByTestId('login-form').waitFor();
      await shot(bob.page, 'login-en-light');
      await bob.page.getByTestId('language-select').selectOption('zh-CN');
      await bob.page.getByRole('button', { name: '注册' }).waitFor();
      await shot(bob.page, 'login-zh-light');
      // The theme is a setting of the installation, so it applies before anyone signs in.
      await callBridge(bobHost, 'settings:set', { theme: 'dark' });
      await bob.page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
      await shot(bob.page, 'login-zh-dark');
      await bob.page.getByTestId('language-select').selectOption('en');
      await bob.page.getByRole('button', { name: 'Register' }).waitFor();
      await shot(bob.page, 'login-en-dark');
      await callBridge(bobHost, 'settings:set', { theme: 'light' });
      await bob.page.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
    });
  });

  it('two people chat both ways, and statuses go sending → sent → read', async () => {
    await step(async () => {
      const serverUrl = server?.url ?? '';
      await Promise.all([
        registerThroughUi(alice.page, {
          serverUrl,
          username: 'alice',
          password: 'alice-password',
          displayName: 'Alice',
        }),
        registerThroughUi(bob.page, {
          serverUrl,
          username: 'bob',
          password: 'bob-password',
          displayName: 'Bob',
        }),
      ]);
      await openChatWith(alice.page, 'bob');
      await sendText(alice.page, '早上好 bob ☀️');
      await waitForStatus(alice.page, '早上好 bob', 'sent');

      // Bob has not opened the chat: the list shows it unread.
      const item = bob.page.getByTestId('conversation-item').filter({ hasText: 'Alice' });
      await item.getByTestId('unread-badge').waitFor();
      await item.click();
      await bubble(bob.page, '早上好 bob', 'incoming').waitFor();
      await bob.page.getByTestId('new-divider').waitFor();
      await waitForStatus(alice.page, '早上好 bob', 'read');
      await expect(item.getByTestId('unread-badge').count()).resolves.toBe(0);

      await sendText(bob.page, 'morning alice');
      await bubble(alice.page, 'morning alice', 'incoming').waitFor();
      await waitForStatus(bob.page, 'morning alice', 'read');
    });
  });

  it('a message written while the server is down waits with a spinner and goes once it is back', async () => {
    await step(async () => {
      if (!server) throw new Error('no server');
      const { dataDir, port } = server;
      await server.kill();
      const banner = alice.page.getByTestId('connection-banner');
      await banner.waitFor();
      await sendText(alice.page, 'sent while the server was down');
      await waitForStatus(alice.page, 'sent while the server was down', 'sending');
      expect(
        await bubble(alice.page, 'sent while the server was down', 'outgoing').locator('.spinner').count(),
      ).toBe(1);
      await shot(alice.page, 'chat-reconnecting-en-light');

      server = replaceServer(await startServer({ dataDir, port }));
      // "Retry now" skips the back-off wait.
      const retry = alice.page.getByTestId('banner-action');
      if (await retry.isVisible()) await retry.click();
      await alice.page
        .locator('[data-testid="message-bubble"][data-direction="outgoing"]:not([data-status="sending"])')
        .filter({ hasText: 'sent while the server was down' })
        .waitFor({ timeout: 60_000 });
      await banner.waitFor({ state: 'detached', timeout: 60_000 });
      await bubble(bob.page, 'sent while the server was down', 'incoming').waitFor({ timeout: 60_000 });
    });
  });

  it('a refused message fails, and clicking it sends it again once it can go', async () => {
    await step(async () => {
      if (!aliceHost || !bobHost) throw new Error('no bridge');
      const me = await callBridge(aliceHost, 'auth:current', {});
      if (!me.ok || !me.value) throw new Error('alice is not signed in');
      const aliceId = me.value.userId;
      expect((await callBridge(bobHost, 'contacts:block', { userId: aliceId })).ok).toBe(true);

      await sendText(alice.page, 'are you there?');
      await waitForStatus(alice.page, 'are you there?', 'failed');
      const status = bubble(alice.page, 'are you there?', 'outgoing').getByRole('button', {
        name: 'Not sent. Click to send again',
      });
      await status.waitFor();

      expect((await callBridge(bobHost, 'contacts:unblock', { userId: aliceId })).ok).toBe(true);
      await status.click();
      await alice.page
        .locator(
          '[data-testid="message-bubble"][data-direction="outgoing"]:is([data-status="sent"], [data-status="read"])',
        )
        .filter({ hasText: 'are you there?' })
        .waitFor();
      await bubble(bob.page, 'are you there?', 'incoming').waitFor();
    });
  });

  it('recalls a message for both sides from the right-click menu', async () => {
    await step(async () => {
      await sendText(alice.page, 'oops, wrong chat');
      await waitForStatus(alice.page, 'oops, wrong chat', 'read');
      await bubble(bob.page, 'oops, wrong chat', 'incoming').waitFor();
      await bubble(alice.page, 'oops, wrong chat', 'outgoing').click({ button: 'right' });
      await alice.page.getByRole('menu', { name: 'Message actions' }).waitFor();
      await alice.page.getByTestId('menu-recall').click();
      await alice.page.getByTestId('recalled').filter({ hasText: 'You recalled a message' }).waitFor();
      await bob.page.getByTestId('recalled').filter({ hasText: 'Alice recalled a message' }).waitFor();
      expect(await bubble(bob.page, 'oops, wrong chat', 'incoming').count()).toBe(0);
    });
  });

  it('calls app:openExternal when a link in a message is clicked (the shell opens it; its unit tests cover that)', async () => {
    await step(async () => {
      await sendText(alice.page, 'docs at https://example.com/docs?x=1 today');
      const frames = await recordSentFrames(bob.page);
      await openConversation(bob.page, 'Alice');
      const link = bob.page.getByTestId('message-link').filter({ hasText: 'https://example.com/docs?x=1' });
      await link.click();
      await waitFor(() => frames.some((f) => f.includes('"app:openExternal"')), {
        what: 'the openExternal call',
      });
      const call = JSON.parse(frames.find((f) => f.includes('"app:openExternal"')) ?? '{}') as {
        request?: { url?: string };
      };
      expect(call.request?.url).toBe('https://example.com/docs?x=1');
      // The page itself never navigated away.
      expect(new URL(bob.page.url()).pathname).toBe('/');
    });
  });

  it('switches language and theme, with screenshots of every main screen', async () => {
    await step(async () => {
      const page = alice.page;
      for (const language of ['en', 'zh-CN'] as const) {
        await chooseLanguage(page, language);
        for (const theme of ['light', 'dark'] as const) {
          await chooseTheme(page, theme);
          const tag = `${language === 'en' ? 'en' : 'zh'}-${theme}`;
          await shot(page, `settings-${tag}`);
          await openConversation(page, 'Bob');
          await shot(page, `chat-${tag}`);
          await page.getByTestId('details-toggle').click();
          await shot(page, `chat-details-${tag}`);
          await page.getByTestId('details-toggle').click();
          for (const view of ['contacts', 'groups', 'search'] as const) {
            await goTo(page, view);
            await shot(page, `${view}-${tag}`);
          }
        }
      }
      // Chinese throughout: the rail, the composer, and dates in the list.
      await openConversation(page, 'Bob');
      expect(await page.getByTestId('rail-chats').getAttribute('aria-label')).toBe('聊天');
      expect(await page.getByTestId('composer-input').getAttribute('placeholder')).toContain('输入消息');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      const background = await page.evaluate(
        () => getComputedStyle(document.documentElement).backgroundColor,
      );
      expect(background).toBe('rgb(21, 24, 28)');

      await chooseLanguage(page, 'en');
      await chooseTheme(page, 'light');
      expect(await page.getByTestId('rail-chats').getAttribute('aria-label')).toBe('Chats');
      expect(alice.problems.filter((p) => p.startsWith('page error'))).toEqual([]);
    });
  });
});
