import type { Browser, Locator, Page } from 'playwright-core';

/** Generous: two processes and a server sit between a click and what it shows. */
export const UI_TIMEOUT_MS = 30_000;

export type OpenedPage = Readonly<{ page: Page; problems: string[] }>;

/** A page in its own browser context (own storage), collecting page errors and console errors for diagnosis. */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 680 } });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}

export type NewUser = Readonly<{
  serverUrl: string;
  username: string;
  password: string;
  displayName: string;
}>;

/** Registers through the login form and waits for the chat view. */
export async function registerThroughUi(page: Page, user: NewUser): Promise<void> {
  await page.getByTestId('login-server').fill(user.serverUrl);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-display-name').fill(user.displayName);
  await page.getByTestId('login-register').click();
  // Either outcome ends the wait, so a refusal fails fast with the sentence the user would read.
  await page.getByTestId('app-shell').or(page.getByTestId('login-error')).waitFor();
  const error = page.getByTestId('login-error');
  if (await error.isVisible())
    throw new Error(`registering ${user.username} failed: ${await error.textContent()}`);
}

export async function openChatWith(page: Page, username: string): Promise<void> {
  await page.getByTestId('new-chat-input').fill(username);
  await page.getByTestId('new-chat-submit').click();
  await page.getByTestId('conversation-pane').waitFor();
}

export async function sendText(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
}

export function bubble(page: Page, text: string, direction: 'outgoing' | 'incoming'): Locator {
  return page
    .locator(`[data-testid="message-bubble"][data-direction="${direction}"]`)
    .filter({ hasText: text });
}

export type View = 'chats' | 'contacts' | 'groups' | 'search' | 'settings';

/** Switches view with the navigation rail. */
export async function goTo(page: Page, view: View): Promise<void> {
  await page.getByTestId(`rail-${view}`).click();
  await page.locator(`[data-testid="app-shell"][data-view="${view}"]`).waitFor();
}

/** Picks the UI language in Settings and waits until the rail speaks it. */
export async function chooseLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await goTo(page, 'settings');
  await page.getByTestId('language-select').selectOption(language);
  await page.getByRole('navigation', { name: language === 'en' ? 'Navigation' : '导航' }).waitFor();
}

/** Picks the theme in Settings and waits until the page wears it. */
export async function chooseTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await goTo(page, 'settings');
  await page.getByTestId(`theme-${theme}`).click();
  await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' });
}

/** Opens an existing conversation from the list by its title. */
export async function openConversation(page: Page, title: string): Promise<void> {
  await goTo(page, 'chats');
  await page.getByTestId('conversation-item').filter({ hasText: title }).first().click();
  await page.getByTestId('conversation-pane').waitFor();
}

/** The delivery status a bubble shows (its data-status). */
export function statusOf(page: Page, text: string): Promise<string | null> {
  return bubble(page, text, 'outgoing').first().getAttribute('data-status');
}

/** Waits until an outgoing bubble with this text has this status. */
export async function waitForStatus(page: Page, text: string, status: string): Promise<void> {
  await page
    .locator(`[data-testid="message-bubble"][data-direction="outgoing"][data-status="${status}"]`)
    .filter({ hasText: text })
    .first()
    .waitFor();
}
