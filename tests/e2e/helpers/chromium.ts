import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Throws (failing the suite, never skipping it) when there is no browser to drive: a green
 * run must mean the UI really worked end to end.
 */
export function assertChromiumPresent(): void {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `E2E: Chromium is missing — no browser at ${chromiumPath}. Install Chromium (e.g. apt-get install chromium) ` +
        'or point CHROMIUM_PATH at a Chromium/Chrome binary. These tests fail rather than skip without it.',
    );
  }
}

/** Headless system Chromium; playwright-core downloads no browser of its own. */
export function launchChromium(): Promise<Browser> {
  assertChromiumPresent();
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
