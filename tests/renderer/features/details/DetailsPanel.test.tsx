// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DetailsPanel } from '../../../../renderer/src/features/details';
import { createChatStore } from '../../../../renderer/src/state/chatStore';
import { createNavigationStore } from '../../../../renderer/src/state/navigation';
import type { Group, GroupMember } from '../../../../shared/ipc/channels/groups';
import { ok } from '../../../../shared/ipc/errors';
import type { Conversation } from '../../../../shared/ipc/models';
import { directConversationId } from '../../../../shared/protocol/conversation';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';
import { alice, contact } from '../contacts/contactFixtures';
import { group, groupConversation, member } from '../groups/groupFixtures';

afterEach(cleanup);

const bob = contact({
  userId: 'u2',
  displayName: 'Bob',
  remark: 'Bobby',
  presence: { userId: 'u2', online: true, lastSeen: null },
});
const carol = contact({ userId: 'u3', displayName: 'Carol' });
const dave = contact({ userId: 'u4', displayName: 'Dave' });

const members: GroupMember[] = [
  member({ userId: 'u1', displayName: 'Alice', role: 'owner' }),
  member({ userId: 'u2', displayName: 'Bob', role: 'admin' }),
  member({ userId: 'u3', displayName: 'Carol', nickname: 'Caz' }),
];

type Handlers = Parameters<typeof fakeApi>[0];

function open(conversation: Conversation, handlers: Handlers = {}, language: 'en' | 'zh' = 'en') {
  const fake = fakeApi({
    'contacts:list': () => ok([bob, carol, dave]),
    'presence:get': () => ok([]),
    'groups:members': () => ok(members),
    ...handlers,
  });
  const store = createChatStore();
  store.getState().signedIn(alice);
  store.getState().conversationsChanged([conversation]);
  const navigation = createNavigationStore();
  navigation.getState().openConversation(conversation.id);
  navigation.getState().setDetailsOpen(true);
  return { ...renderWithProviders(<DetailsPanel />, { api: fake.api, store, navigation, language }), fake };
}

function openGroup(g: Group, handlers: Handlers = {}, conversation: Conversation = groupConversation(g)) {
  return open(conversation, { 'groups:list': () => ok([g]), ...handlers });
}

const bobChat: Conversation = {
  id: directConversationId('u1', 'u2'),
  kind: 'direct',
  group: null,
  title: 'Bob',
  peer: { userId: 'u2', username: 'bob', displayName: 'Bob' },
  lastMessage: null,
  unread: 0,
  updatedAt: 1,
  draft: '',
  pinned: false,
  muted: false,
  mentioned: false,
};

const testIds = (root: HTMLElement, ids: string[]) =>
  ids.filter((id) => within(root).queryAllByTestId(id).length > 0);

describe('DetailsPanel', () => {
  it("shows the peer's profile in a direct chat, and deleting the friend closes the chat and the panel", async () => {
    const { navigation, fake } = open(bobChat, { 'contacts:delete': () => ok(null) });
    const profile = await screen.findByTestId('contact-profile');
    await waitFor(() =>
      expect(within(profile).getByTestId('contact-profile-name').textContent).toBe('Bobby'),
    );
    expect(within(profile).getByTestId('contact-profile-username').textContent).toBe('@bob');
    expect(within(profile).getByTestId('contact-profile-presence').textContent).toBe('Online');
    expect(within(profile).queryByRole('button', { name: 'Send message' })).toBeNull();

    fireEvent.click(within(profile).getByTestId('contact-delete'));
    fireEvent.click(within(profile).getByTestId('contact-delete-confirm'));
    await waitFor(() =>
      expect(navigation.getState()).toMatchObject({ conversationId: null, detailsOpen: false }),
    );
    expect(fake.calls.find((c) => c.channel === 'contacts:delete')?.request).toEqual({ userId: 'u2' });
  });

  it('offers to add as a friend a peer who is not a contact', async () => {
    const { fake } = open(bobChat, {
      'contacts:list': () => ok([]),
      'friends:request': () => ok({ userId: 'u2', relation: 'outgoing' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add friend' }));
    expect((await screen.findByTestId('contact-request-state')).textContent).toBe('Request sent to Bob.');
    expect(fake.calls.find((c) => c.channel === 'friends:request')?.request).toEqual({
      username: 'bob',
      message: '',
    });
  });

  it('gives the owner every group action, and runs kick, admin, transfer, rename, notice and dissolve', async () => {
    const g = group({ groupId: '7', name: 'Climbers', notice: 'Saturday 9:00' });
    const answer = () => ok(g);
    const { fake } = openGroup(g, {
      'groups:kick': answer,
      'groups:setAdmin': answer,
      'groups:transfer': answer,
      'groups:rename': answer,
      'groups:setNotice': answer,
      'groups:dissolve': answer,
    });
    const details = await screen.findByTestId('group-details');
    await waitFor(() => expect(within(details).getAllByTestId('group-member')).toHaveLength(3));
    expect(within(details).getByTestId('group-notice').textContent).toBe('Saturday 9:00');
    expect(
      within(details)
        .getAllByTestId('member-role')
        .map((r) => r.textContent),
    ).toEqual(['Owner', 'Admin']);
    expect(within(details).getByText('Caz')).toBeTruthy();
    expect(testIds(details, ['group-invite', 'group-dissolve', 'group-quit', 'group-read-only'])).toEqual([
      'group-invite',
      'group-dissolve',
    ]);

    const carolRow = within(details).getAllByTestId('group-member')[2] as HTMLElement;
    fireEvent.click(within(carolRow).getByTestId('member-kick'));
    fireEvent.click(within(carolRow).getByTestId('member-kick-confirm'));
    fireEvent.click(within(details).getByRole('button', { name: 'Remove Bob as admin' }));
    const bobRow = within(details).getAllByTestId('group-member')[1] as HTMLElement;
    fireEvent.click(within(bobRow).getByTestId('member-transfer'));
    fireEvent.click(within(bobRow).getByTestId('member-transfer-confirm'));

    fireEvent.change(within(details).getByTestId('group-rename-input'), {
      target: { value: 'Climbing club' },
    });
    fireEvent.click(within(details).getByTestId('group-rename-save'));
    fireEvent.click(within(details).getByTestId('group-notice-edit'));
    fireEvent.change(within(details).getByTestId('group-notice-input'), {
      target: { value: 'Sunday 10:00' },
    });
    fireEvent.click(within(details).getByTestId('group-notice-save'));
    fireEvent.click(within(details).getByTestId('group-dissolve'));
    fireEvent.click(within(details).getByTestId('group-dissolve-confirm'));

    await waitFor(() =>
      expect(
        fake.calls.filter((c) => c.channel !== 'groups:members' && c.channel.startsWith('groups:')),
      ).toEqual([
        { channel: 'groups:list', request: { refresh: false } },
        { channel: 'groups:kick', request: { groupId: '7', userId: 'u3' } },
        { channel: 'groups:setAdmin', request: { groupId: '7', userId: 'u2', admin: false } },
        { channel: 'groups:transfer', request: { groupId: '7', userId: 'u2' } },
        { channel: 'groups:rename', request: { groupId: '7', name: 'Climbing club' } },
        { channel: 'groups:setNotice', request: { groupId: '7', notice: 'Sunday 10:00' } },
        { channel: 'groups:dissolve', request: { groupId: '7' } },
      ]),
    );
    // Member changes ask for the member list again (changes answered together share one reload).
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'groups:members').length).toBeGreaterThan(1),
    );
  });

  it('lets an admin kick plain members only, and a plain member only invite and quit', async () => {
    const asAdmin = group({ groupId: '7', name: 'Climbers', myRole: 'admin', ownerId: 'u9' });
    const adminView = openGroup(asAdmin, {
      'groups:members': () =>
        ok([
          member({ userId: 'u9', displayName: 'Olga', role: 'owner' }),
          member({ userId: 'u1', displayName: 'Alice', role: 'admin' }),
          member({ userId: 'u2', displayName: 'Bob', role: 'admin' }),
          member({ userId: 'u3', displayName: 'Carol' }),
        ]),
    });
    let details = await screen.findByTestId('group-details');
    await waitFor(() => expect(within(details).getAllByTestId('group-member')).toHaveLength(4));
    expect(
      within(details)
        .getAllByTestId('member-kick')
        .map((b) => b.closest('li')?.dataset.userId),
    ).toEqual(['u3']);
    expect(testIds(details, ['member-set-admin', 'member-transfer', 'group-dissolve'])).toEqual([]);
    expect(
      testIds(details, ['group-rename-input', 'group-notice-edit', 'group-quit', 'group-invite']),
    ).toEqual(['group-rename-input', 'group-notice-edit', 'group-quit', 'group-invite']);
    adminView.unmount();

    openGroup(group({ groupId: '8', name: 'Readers', myRole: 'member', ownerId: 'u2' }));
    details = await screen.findByTestId('group-details');
    await waitFor(() => expect(within(details).getAllByTestId('group-member')).toHaveLength(3));
    expect(
      testIds(details, [
        'member-kick',
        'member-set-admin',
        'group-rename-input',
        'group-notice-edit',
        'group-dissolve',
      ]),
    ).toEqual([]);
    expect(testIds(details, ['group-invite', 'group-quit'])).toEqual(['group-invite', 'group-quit']);
  });

  it('invites friends who are not members yet', async () => {
    const g = group({ groupId: '7', name: 'Climbers', myRole: 'member' });
    const { fake } = openGroup(g, { 'groups:invite': () => ok({ ...g, memberCount: 4 }) });
    const details = await screen.findByTestId('group-details');
    await waitFor(() => expect(within(details).getAllByTestId('group-member')).toHaveLength(3));
    fireEvent.click(within(details).getByTestId('group-invite'));
    const picker = within(details).getByTestId('friend-picker');
    await waitFor(() =>
      expect(
        within(picker)
          .getAllByRole('checkbox')
          .map((c) => c.dataset.userId),
      ).toEqual(['u4']),
    );
    fireEvent.click(within(picker).getByRole('checkbox', { name: /Dave/ }));
    fireEvent.click(within(details).getByRole('button', { name: 'Invite 1 friend' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'groups:invite')?.request).toEqual({
        groupId: '7',
        userIds: ['u4'],
      }),
    );
    await waitFor(() => expect(within(details).queryByTestId('friend-picker')).toBeNull());
  });

  it('shows a kicked member the group read-only: no invite, quit or member actions, even before the group list catches up', async () => {
    const stale = group({ groupId: '7', name: 'Climbers', myRole: 'member', ownerId: 'u2' });
    const kicked: Conversation = {
      ...groupConversation(stale),
      group: { groupId: '7', memberCount: 2, role: null, state: 'left' },
    };
    openGroup(stale, {}, kicked);
    const details = await screen.findByTestId('group-details');
    expect(details.dataset.state).toBe('left');
    expect(within(details).getByTestId('group-read-only').textContent).toMatch(/no longer a member/);
    await waitFor(() => expect(within(details).getAllByTestId('group-member')).toHaveLength(3));
    expect(
      testIds(details, [
        'group-invite',
        'group-quit',
        'group-dissolve',
        'member-kick',
        'member-set-admin',
        'group-rename-input',
        'group-nickname-input',
        'group-notice-edit',
      ]),
    ).toEqual([]);
  });

  it('shows a dissolved group read-only, in Chinese too', async () => {
    const g = group({ groupId: '7', name: '周末爬山', state: 'dissolved', myRole: null });
    open(groupConversation(g), { 'groups:list': () => ok([g]) }, 'zh');
    const details = await screen.findByTestId('group-details');
    expect(within(details).getByTestId('group-read-only').textContent).toBe(
      '本群已解散。你可以查看聊天记录，但不能再有任何操作。',
    );
    expect(screen.getByRole('button', { name: '关闭详情' })).toBeTruthy();
  });

  it('closes from its close button', async () => {
    const { navigation } = open(bobChat);
    fireEvent.click(await screen.findByRole('button', { name: 'Close details' }));
    expect(navigation.getState().detailsOpen).toBe(false);
  });
});
