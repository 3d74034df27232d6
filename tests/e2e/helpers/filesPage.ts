import type { Locator, Page } from 'playwright-core';

export type PageFile = Readonly<{ name: string; type: string; dataBase64: string }>;

/**
 * Drops files on the open conversation like a file manager would: a `drop` event whose
 * DataTransfer was built in the page (a test cannot hand Chromium a real drag from the desktop).
 */
export async function dropFiles(page: Page, files: readonly PageFile[]): Promise<void> {
  const transfer = await page.evaluateHandle((list: readonly PageFile[]) => {
    const data = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], file.name, { type: file.type }));
    }
    return data;
  }, files);
  const pane = page.getByTestId('conversation-pane');
  await pane.dispatchEvent('dragover', { dataTransfer: transfer });
  await pane.dispatchEvent('drop', { dataTransfer: transfer });
  await transfer.dispose();
}

/** Pastes a PNG the page draws itself (a real image, so the engine can measure and thumbnail it). */
export async function pasteDrawnImage(
  page: Page,
  size: Readonly<{ width: number; height: number }>,
): Promise<void> {
  await page.getByTestId('composer-input').focus();
  await page.evaluate(async ({ width, height }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#2a7ae2';
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#f5c518';
    context.fillRect(width / 4, height / 4, width / 2, height / 2);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the canvas gave no PNG');
    const data = new DataTransfer();
    data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
    const input = document.querySelector('[data-testid="composer-input"]');
    if (!input) throw new Error('no composer');
    input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, size);
}

/** A message bubble holding a file with this name. */
export function fileBubble(page: Page, name: string, direction: 'outgoing' | 'incoming'): Locator {
  return page
    .locator(`[data-testid="message-bubble"][data-direction="${direction}"]`)
    .filter({ has: page.getByTestId('file-name').getByText(name, { exact: true }) });
}

/** The last message bubble holding an image, in one direction. */
export function imageBubble(page: Page, direction: 'outgoing' | 'incoming'): Locator {
  return page
    .locator(`[data-testid="message-bubble"][data-direction="${direction}"]`)
    .filter({ has: page.getByTestId('image-content') })
    .last();
}

/**
 * Starts recording, in the page, every delivery status and transfer state the conversation's
 * bubbles go through, so a test can tell what the user saw between two moments however fast it went.
 */
export async function recordBubbleStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    const note = (): void => {
      for (const bubble of document.querySelectorAll(
        '[data-testid="message-bubble"][data-direction="outgoing"]',
      )) {
        const status = bubble.getAttribute('data-status') ?? '';
        const transfer = bubble.querySelector('[data-testid="transfer"]')?.getAttribute('data-state') ?? '';
        const label = bubble.querySelector('[data-testid="file-name"]')?.textContent ?? 'image';
        const entry = `${label}|${status}|${transfer}`;
        if (seen.at(-1) !== entry && !seen.includes(entry)) seen.push(entry);
      }
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-status', 'data-state'],
    });
    (window as unknown as { __bubbleStates: string[] }).__bubbleStates = seen;
  });
}

/** What recordBubbleStates saw, as `label|status|transferState` entries in order. */
export function recordedBubbleStates(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __bubbleStates: string[] }).__bubbleStates]);
}
