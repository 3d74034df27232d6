import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from '../../helpers/serverProcess';

export type Look = Readonly<{ language: 'en' | 'zh-CN'; theme: 'light' | 'dark' }>;

/** Every combination the screenshots are taken in: both languages, both themes. */
export const LOOKS: readonly Look[] = [
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
  { language: 'zh-CN', theme: 'light' },
  { language: 'zh-CN', theme: 'dark' },
];

export const screenshotDir = path.join(repoRoot, 'test-results/e2e');

export type View = 'chats' | 'contacts' | 'groups' | 'search' | 'settings';

/** Shows a view through the navigation rail. */
export async function goTo(page: Page, view: View): Promise<void> {
  await page.getByTestId(`rail-${view}`).click();
}

/** Sets language and theme through the settings view, and waits until the page shows them. */
export async function setLook(page: Page, look: Look): Promise<void> {
  await goTo(page, 'settings');
  await page.getByTestId('language-select').selectOption(look.language);
  // click, not check: the radio is controlled by the settings the engine answers with, a moment later.
  await page.getByTestId(`theme-${look.theme}`).click();
  await page
    .locator(`html[data-theme="${look.theme}"][lang="${look.language}"]`)
    .waitFor({ state: 'attached' });
}

/** A screenshot named for what it shows and the look it is in, under test-results/e2e/. */
export async function shoot(page: Page, name: string, look: Look): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${look.language}-${look.theme}.png`) });
}

export function contactItem(page: Page, name: string): Locator {
  return page.getByTestId('contact-item').filter({ hasText: name });
}

/** Sends a friend request by username from the contacts view and waits for the confirmation. */
export async function requestFriend(page: Page, username: string, message: string): Promise<void> {
  await goTo(page, 'contacts');
  await page.getByTestId('contacts-add').click();
  await page.getByTestId('add-friend-username').fill(username);
  await page.getByTestId('add-friend-message').fill(message);
  await page.getByTestId('add-friend-submit').click();
  await page.getByTestId('add-friend-outcome').waitFor();
  const outcome = (await page.getByTestId('add-friend-outcome').textContent()) ?? '';
  if (!outcome.includes(username)) throw new Error(`friend request to ${username} failed: ${outcome}`);
}

/** The incoming friend request from someone, in the requests inbox of the contacts view. */
export async function incomingRequest(page: Page, displayName: string): Promise<Locator> {
  await goTo(page, 'contacts');
  await page.getByTestId('contacts-requests').click();
  const request = page
    .locator('[data-testid="friend-request"][data-direction="incoming"]')
    .filter({ hasText: displayName });
  await request.waitFor();
  return request;
}

/** Creates a group from the groups view with the given friends picked; the group's chat opens. */
export async function createGroup(page: Page, name: string, memberNames: readonly string[]): Promise<void> {
  await goTo(page, 'groups');
  await page.getByTestId('groups-create').click();
  await page.getByTestId('create-group-name').fill(name);
  for (const member of memberNames)
    await page.getByTestId('friend-picker').getByRole('checkbox', { name: member }).check();
  await page.getByTestId('create-group-submit').click();
  await page.getByTestId('chat-header').filter({ hasText: name }).waitFor();
}

/** Opens the details panel of the open conversation (if it is not open already). */
export async function openDetails(page: Page): Promise<Locator> {
  const toggle = page.getByTestId('details-toggle');
  await toggle.waitFor();
  // The toggle says whether the panel is open: it stays open from one conversation to the next.
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const panel = page.getByTestId('details-panel');
  await panel.waitFor();
  return panel;
}

export function groupMember(page: Page, name: string): Locator {
  return page.getByTestId('group-member').filter({ hasText: name });
}
