import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, waitFor, type ServerProcess } from '../helpers/serverProcess';
import {
  chooseLanguage,
  chooseTheme,
  openChatWith,
  openConversation,
  registerThroughUi,
  type OpenedPage,
} from './helpers/chatPage';
import { assertChromiumPresent } from './helpers/chromium';
import {
  dropFiles,
  fileBubble,
  imageBubble,
  pasteDrawnImage,
  recordBubbleStates,
  recordedBubbleStates,
} from './helpers/filesPage';
import { twoPeople } from './helpers/twoPeople';

const screenshots = path.join(repoRoot, 'test-results/e2e');
/** Chinese, spaces and the characters URLs and shells treat specially: the name must survive them all. */
const FILE_NAME = '季度 报告 #1 50%+final.bin';
/** Large enough to go up and down in several chunks. */
const FILE_BYTES = randomBytes(3 * 1024 * 1024);

let server: ServerProcess | undefined;
let alice: OpenedPage;
let bob: OpenedPage;
let bobDownloads = '';
const { step, start, close } = twoPeople({
  prefix: 'tidings-files-',
  downloads: ['bob'],
  outputTail: 4000,
  // What the pages showed, and a screenshot of each, when a step fails.
  failureDetail: async () => {
    const seen = await Promise.all(
      [alice, bob].map(
        (p) =>
          p?.page
            .locator('body')
            .innerText()
            .catch(() => '') ?? '',
      ),
    );
    await Promise.all(
      [alice, bob].map((p, i) => p?.page && shot(p.page, `files-failure-${i}`).catch(() => undefined)),
    );
    return `\n--- pages' text ---\n${seen.join('\n---\n')}`;
  },
});

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

/** The channels a page asks its bridge for, from now on (the page is reloaded to catch its socket). */
async function recordChannels(page: Page): Promise<string[]> {
  const channels: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => {
      if (typeof frame.payload !== 'string') return;
      const parsed = JSON.parse(frame.payload) as { channel?: unknown };
      if (typeof parsed.channel === 'string') channels.push(parsed.channel);
    });
  });
  await page.reload();
  await page.getByTestId('app-shell').waitFor();
  return channels;
}

assertChromiumPresent();

beforeAll(async () => {
  const started = await start();
  ({
    server,
    pages: { alice, bob },
  } = started);
  bobDownloads = started.downloads.bob ?? '';
});

afterAll(async () => {
  await close();
});

describe('files and images in the chat UI, in Chromium through the bridge, against a real server', () => {
  it('alice drops a file and pastes an image; each bubble goes sending (with progress) → sent', async () => {
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
      await recordBubbleStates(alice.page);

      await dropFiles(alice.page, [
        { name: FILE_NAME, type: 'application/octet-stream', dataBase64: FILE_BYTES.toString('base64') },
      ]);
      const sentFile = fileBubble(alice.page, FILE_NAME, 'outgoing');
      await sentFile.and(alice.page.locator('[data-status="sent"]')).waitFor();
      await sentFile.getByTestId('transfer').waitFor({ state: 'detached' });

      await pasteDrawnImage(alice.page, { width: 320, height: 200 });
      const sentImage = imageBubble(alice.page, 'outgoing');
      await sentImage.and(alice.page.locator('[data-status="sent"]')).waitFor();
      await sentImage.locator('img.image-thumb').waitFor();
      await shot(alice.page, 'files-sent-en-light');

      // The file was seen uploading (a progress bar while sending) before it was sent.
      const states = await recordedBubbleStates(alice.page);
      const file = states.filter((s) => s.startsWith(`${FILE_NAME}|`));
      const sending = file.findIndex((s) => s.startsWith(`${FILE_NAME}|sending|`));
      const sent = file.findIndex((s) => s.startsWith(`${FILE_NAME}|sent|`));
      expect(sending, states.join('\n')).toBeGreaterThanOrEqual(0);
      expect(sent, states.join('\n')).toBeGreaterThan(sending);
      expect(
        file.some((s) => /\|sending\|(queued|running)$/.test(s)),
        states.join('\n'),
      ).toBe(true);
      expect(states.some((s) => s.startsWith('image|sending|'))).toBe(true);
    });
  });

  it("bob sees the file's name and size and the image's thumbnail", async () => {
    await step(async () => {
      await openConversation(bob.page, 'Alice');
      const file = fileBubble(bob.page, FILE_NAME, 'incoming');
      await file.waitFor();
      expect(await file.locator('.file-size').textContent()).toMatch(/^3(\.0+)? MB$/);
      const thumb = imageBubble(bob.page, 'incoming').locator('img.image-thumb');
      await thumb.waitFor();
      // A real decoded picture, not a broken image icon.
      await waitFor(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
        what: "bob's thumbnail decoded",
        timeoutMs: 30_000,
      });
      await shot(bob.page, 'files-received-en-light');
    });
  });

  it('bob downloads the file from the bubble: the UI says done and the bytes are in his downloads folder', async () => {
    await step(async () => {
      const file = fileBubble(bob.page, FILE_NAME, 'incoming');
      await file.getByTestId('file-download').click();
      // Done: the bubble offers to open the file instead of downloading it.
      await file.getByTestId('file-open').waitFor();
      await file.getByTestId('file-show').waitFor();
      expect(await file.getByTestId('transfer').count()).toBe(0);
      const saved = path.join(bobDownloads, FILE_NAME);
      expect(fs.existsSync(saved), fs.readdirSync(bobDownloads).join(', ')).toBe(true);
      expect(fs.readFileSync(saved).equals(FILE_BYTES)).toBe(true);
      await shot(bob.page, 'files-downloaded-en-light');
    });
  });

  it('calls app:openFile and app:showFile (answered only by the Electron shell, covered by its unit tests)', async () => {
    await step(async () => {
      const channels = await recordChannels(bob.page);
      await openConversation(bob.page, 'Alice');
      const file = fileBubble(bob.page, FILE_NAME, 'incoming');
      await file.getByTestId('file-open').click();
      await file.getByTestId('file-show').click();
      await waitFor(() => channels.includes('app:openFile') && channels.includes('app:showFile'), {
        what: 'the page asked for app:openFile and app:showFile',
        timeoutMs: 30_000,
      });
      // The bridge has no shell to answer them, so the page shows an error toast for each; let
      // them expire before the screenshots.
      await bob.page.getByTestId('toast').first().waitFor({ state: 'detached' });
    });
  });

  it('shows the file and image screens in both languages and both themes', async () => {
    await step(async () => {
      const page = bob.page;
      for (const language of ['en', 'zh-CN'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          await chooseLanguage(page, language);
          await chooseTheme(page, theme);
          await openConversation(page, 'Alice');
          await fileBubble(page, FILE_NAME, 'incoming').waitFor();
          await shot(page, `files-${language}-${theme}`);
        }
      }
      await chooseLanguage(page, 'en');
      await chooseTheme(page, 'light');
    });
  });
});
