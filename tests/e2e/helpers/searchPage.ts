import type { Locator, Page } from 'playwright-core';

/** Opens the search view with the keyboard shortcut, as a user would. */
export async function openSearchByShortcut(page: Page): Promise<void> {
  await page.keyboard.press('Control+f');
  await page.getByTestId('search-view').waitFor();
}

/** Types a query into the search view and waits for the first answer (hits or "no match"). */
export async function searchFor(page: Page, query: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await page
    .getByTestId('search-hit')
    .first()
    .or(page.locator('[data-testid="search-status"][data-state="empty"]'))
    .waitFor();
}

export function hits(page: Page): Locator {
  return page.getByTestId('search-hit');
}

/** Scrolls the results list to its end, which asks for the next page. */
export async function scrollResultsToEnd(page: Page): Promise<void> {
  await page.getByTestId('search-results').evaluate((list) => {
    list.scrollTop = list.scrollHeight;
    list.dispatchEvent(new Event('scroll'));
  });
}

/** Opens the quick switcher with Ctrl+K and types into it. */
export async function switchTo(page: Page, query: string): Promise<Locator> {
  await page.keyboard.press('Control+k');
  const input = page.getByTestId('switcher-input');
  await input.waitFor();
  await input.fill(query);
  return page.getByTestId('switcher-option');
}
