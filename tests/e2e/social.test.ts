import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedPage } from './helpers/chatPage';
import { assertChromiumPresent } from './helpers/chromium';
import {
  LOOKS,
  contactItem,
  createGroup,
  goTo,
  groupMember,
  incomingRequest,
  openDetails,
  requestFriend,
  setLook,
  shoot,
} from './helpers/socialPage';
import { twoPeople } from './helpers/twoPeople';

const GROUP = '周末爬山 Climbers';

let alice: OpenedPage;
let bob: OpenedPage;
const { step, diagnostics, start, close } = twoPeople({
  prefix: 'tidings-e2e-social-',
  register: { alice: 'Alice', bob: 'Bob' },
});

assertChromiumPresent();

beforeAll(async () => {
  ({
    pages: { alice, bob },
  } = await start());
});

afterAll(async () => {
  const codes = await close();
  expect(
    codes.filter((code) => code !== undefined && code !== 0),
    diagnostics(),
  ).toEqual([]);
});

describe('contacts and groups through the UI, the bridge, the engine and a real server', () => {
  it('alice asks bob by username with a message, bob accepts, and each sees the other as a friend', async () => {
    await step(async () => {
      await requestFriend(alice.page, 'bob', 'hi Bob, Alice from climbing 🧗');
      const request = await incomingRequest(bob.page, 'Alice');
      expect(await request.textContent()).toContain('hi Bob, Alice from climbing 🧗');
      await shoot(bob.page, 'social-requests', LOOKS[0]!);
      await request.getByTestId('friend-request-accept').click();

      await contactItem(bob.page, 'Alice').waitFor();
      await goTo(alice.page, 'contacts');
      await contactItem(alice.page, 'Bob').click();
      const profile = alice.page.getByTestId('contact-profile');
      expect(await profile.getByTestId('contact-profile-username').textContent()).toBe('@bob');
      // The request is gone from both inboxes.
      await alice.page.getByTestId('contacts-requests').click();
      await alice.page
        .getByTestId('friend-requests')
        .getByTestId('friend-request')
        .waitFor({ state: 'detached' });
    });
  });

  it('alice creates a group that opens at once, invites bob, then kicks him; bob sees it read-only', async () => {
    await step(async () => {
      await createGroup(alice.page, GROUP, []);
      const details = await openDetails(alice.page);
      await details.getByTestId('group-details').and(alice.page.locator('[data-role="owner"]')).waitFor();
      await details.getByTestId('group-invite').click();
      await details.getByTestId('friend-picker').getByRole('checkbox', { name: 'Bob' }).check();
      await details.getByTestId('group-invite-submit').click();
      await groupMember(alice.page, 'Bob').waitFor();

      // Bob is in: the group is counted and its details offer a member's actions.
      await goTo(bob.page, 'groups');
      await bob.page.locator('[data-testid="groups-count"][data-count="1"]').waitFor();
      await bob.page.getByTestId('group-item').filter({ hasText: GROUP }).click();
      const bobsView = bob.page.getByTestId('group-details');
      await bobsView.getByTestId('group-quit').waitFor();
      await bobsView.getByTestId('group-invite').waitFor();
      await bob.page.getByTestId('group-open-chat').click();
      await bob.page.getByTestId('chat-header').filter({ hasText: GROUP }).waitFor();

      // Alice removes Bob.
      const bobRow = groupMember(alice.page, 'Bob');
      await bobRow.getByTestId('member-kick').click();
      await bobRow.getByTestId('member-kick-confirm').click();
      await bobRow.waitFor({ state: 'detached' });

      // Bob's open group turns read-only: a note, and no invite, quit or member actions.
      const bobsPanel = await openDetails(bob.page);
      await bobsPanel.locator('[data-testid="group-details"][data-state="left"]').waitFor();
      await bobsPanel.getByTestId('group-read-only').waitFor();
      for (const action of ['group-invite', 'group-quit', 'member-kick', 'group-notice-edit'])
        expect(await bobsPanel.getByTestId(action).count(), action).toBe(0);
      await goTo(bob.page, 'groups');
      await bob.page.locator('[data-testid="groups-count"][data-count="0"]').waitFor();
      await bob.page
        .getByTestId('former-group-list')
        .locator('[data-testid="group-item"][data-state="left"]')
        .filter({ hasText: GROUP })
        .waitFor();
    });
  });

  it('takes screenshots of contacts, groups and details in both languages and both themes', async () => {
    await step(async () => {
      for (const look of LOOKS) {
        await Promise.all([setLook(alice.page, look), setLook(bob.page, look)]);
        await goTo(alice.page, 'contacts');
        await contactItem(alice.page, 'Bob').click();
        await alice.page.getByTestId('contact-profile').waitFor();
        await shoot(alice.page, 'social-contacts', look);
        await alice.page.getByTestId('contact-message').click();
        await (await openDetails(alice.page)).getByTestId('contact-profile').waitFor();
        await shoot(alice.page, 'social-direct-details', look);

        await goTo(alice.page, 'groups');
        await alice.page.getByTestId('group-item').filter({ hasText: GROUP }).click();
        await alice.page.getByTestId('group-details').waitFor();
        await shoot(alice.page, 'social-groups', look);

        await alice.page.getByTestId('group-open-chat').click();
        await openDetails(alice.page);
        await shoot(alice.page, 'social-group-details-owner', look);

        await goTo(bob.page, 'groups');
        await bob.page.getByTestId('group-item').filter({ hasText: GROUP }).click();
        await bob.page.getByTestId('group-read-only').waitFor();
        await shoot(bob.page, 'social-group-read-only', look);
      }
      expect(alice.problems.filter((p) => p.startsWith('page error'))).toEqual([]);
      expect(bob.problems.filter((p) => p.startsWith('page error'))).toEqual([]);
    });
  });

  it("deleting a friend from the chat's details closes the chat and the panel, and both friend lists follow", async () => {
    await step(async () => {
      await goTo(alice.page, 'contacts');
      await contactItem(alice.page, 'Bob').click();
      await alice.page.getByTestId('contact-message').click();
      await alice.page.getByTestId('chat-header').filter({ hasText: 'Bob' }).waitFor();
      const panel = await openDetails(alice.page);
      await panel.getByTestId('contact-delete').click();
      await panel.getByTestId('contact-delete-confirm').click();

      await alice.page.getByTestId('details-panel').waitFor({ state: 'detached' });
      await alice.page.getByTestId('chat-header').waitFor({ state: 'detached' });
      await goTo(alice.page, 'contacts');
      await contactItem(alice.page, 'Bob').waitFor({ state: 'detached' });
      await goTo(bob.page, 'contacts');
      await contactItem(bob.page, 'Alice').waitFor({ state: 'detached' });
    });
  });
});
