import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, waitFor, type ServerProcess } from '../helpers/serverProcess';
import { type BridgeProcess } from './helpers/bridgeProcess';
import { bubble, openChatWith, registerThroughUi, sendText, type OpenedPage } from './helpers/chatPage';
import { assertChromiumPresent } from './helpers/chromium';
import { onlyAccountDb, storedTexts } from './helpers/localStore';
import { twoPeople } from './helpers/twoPeople';

const screenshots = path.join(repoRoot, 'test-results/e2e');
const GREETING = '你好 bob 👋';

let server: ServerProcess | undefined;
let bobHost: BridgeProcess | undefined;
let alice: OpenedPage;
let bob: OpenedPage;
const { diagnostics, start, close } = twoPeople({ prefix: 'tidings-e2e-', renderer: 'shared' });

// At load time, so a missing browser fails the whole file loudly instead of reporting skipped tests.
assertChromiumPresent();

beforeAll(async () => {
  ({
    server,
    hosts: { bob: bobHost },
    pages: { alice, bob },
  } = await start());
});

afterAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  for (const [name, opened] of [
    ['alice', alice],
    ['bob', bob],
  ] as const) {
    await opened?.page.screenshot({ path: path.join(screenshots, `${name}.png`) }).catch(() => undefined);
  }
  const codes = await close();
  // A host that cannot shut down cleanly would lose data in the real app too.
  expect(
    codes.filter((code) => code !== undefined && code !== 0),
    diagnostics(),
  ).toEqual([]);
});

describe('walking skeleton: two people chat through the UI, the bridge, the engine and the server', () => {
  it("delivers alice's message to bob live, stores it in bob's database, and shows it sent to alice", async () => {
    try {
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
      await sendText(alice.page, GREETING);
      await bubble(alice.page, GREETING, 'outgoing')
        .and(alice.page.locator('[data-status="sent"]'))
        .waitFor();

      // Bob never asked for anything: the conversation and the message arrive by events.
      await bob.page.getByTestId('conversation-item').filter({ hasText: 'Alice' }).click();
      await bubble(bob.page, GREETING, 'incoming').waitFor();
      expect(await bubble(bob.page, GREETING, 'incoming').locator('.bubble-text').textContent()).toBe(
        GREETING,
      );

      const bobDb = await waitFor(() => (bobHost ? onlyAccountDb(bobHost.dataDir) : null), {
        what: "bob's database",
      });
      await waitFor(() => storedTexts(bobDb).includes(GREETING), { what: "the message in bob's database" });

      // With the conversation open, a further message shows up in place.
      await sendText(alice.page, 'second line\nwith a break');
      await bubble(bob.page, 'second line', 'incoming').waitFor();

      // Bob has the conversation open, so it is read: alice's bubble says so.
      const status = bubble(alice.page, GREETING, 'outgoing').getByTestId('message-status');
      await bubble(alice.page, GREETING, 'outgoing')
        .and(alice.page.locator('[data-status="read"]'))
        .waitFor();
      expect(await status.getAttribute('aria-label')).toBe('Read');
      expect(
        alice.problems.filter((p) => p.startsWith('page error')),
        diagnostics(),
      ).toEqual([]);
      expect(
        bob.problems.filter((p) => p.startsWith('page error')),
        diagnostics(),
      ).toEqual([]);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${diagnostics()}`, {
        cause: error,
      });
    }
  });
});
