import type { Locator, Page } from 'playwright-core';
import { createDraft, transition } from '../../server/broadcasts/helpers';
import { ADMIN_TOKEN } from '../../server/sync/helpers/coreServer';

/** Server arguments that open the admin API with the token the broadcast helpers send. */
export const adminServerArgs: readonly string[] = ['--admin-token', ADMIN_TOKEN];

/** Writes a broadcast to everyone and publishes it through the admin API; returns its id. */
export async function publishBroadcast(
  baseUrl: string,
  notice: Readonly<{ title: string; body: string }>,
): Promise<string> {
  const draft = await createDraft(baseUrl, notice);
  return (await transition(baseUrl, draft.id, 'publish')).id;
}

export async function recallBroadcast(baseUrl: string, id: string): Promise<void> {
  await transition(baseUrl, id, 'recall');
}

/** A broadcast notice in the open conversation, found by its title. */
export function broadcastNotice(page: Page, title: string): Locator {
  return page.getByTestId('broadcast').filter({ has: page.locator('.broadcast-title', { hasText: title }) });
}
