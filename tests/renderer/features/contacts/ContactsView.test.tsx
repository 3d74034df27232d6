// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactsView } from '../../../../renderer/src/features/contacts';
import { createChatStore } from '../../../../renderer/src/state/chatStore';
import { createNavigationStore } from '../../../../renderer/src/state/navigation';
import type { Contact, FriendRequest } from '../../../../shared/ipc/channels/contacts';
import { fail, ok } from '../../../../shared/ipc/errors';
import { directConversationId } from '../../../../shared/protocol/conversation';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';
import { alice, contact, request } from './contactFixtures';

afterEach(cleanup);

const bob = contact({
  userId: 'u2',
  displayName: 'Bob',
  presence: { userId: 'u2', online: true, lastSeen: null },
});
const carol = contact({
  userId: 'u3',
  displayName: 'Carol',
  remark: 'Aunt Carol',
  presence: { userId: 'u3', online: false, lastSeen: Date.now() - 5 * 60_000 },
});
const mallory = contact({
  userId: 'u4',
  displayName: 'Mallory',
  relation: 'none',
  blocked: true,
  friendsSince: null,
});

type Handlers = Parameters<typeof fakeApi>[0];

function setup(
  options: Readonly<{
    contacts?: Contact[];
    requests?: FriendRequest[];
    handlers?: Handlers;
    language?: 'en' | 'zh';
  }> = {},
) {
  const fake = fakeApi({
    'contacts:list': () => ok(options.contacts ?? [bob, carol, mallory]),
    'friends:requests': () => ok(options.requests ?? []),
    // The server's answer: what the contacts already say.
    'presence:get': ({ userIds }) =>
      ok(
        (options.contacts ?? [bob, carol, mallory]).flatMap((c) =>
          c.presence && userIds.includes(c.userId) ? [c.presence] : [],
        ),
      ),
    ...options.handlers,
  });
  const store = createChatStore();
  store.getState().signedIn(alice);
  const navigation = createNavigationStore({ view: 'contacts' });
  const rendered = renderWithProviders(<ContactsView />, {
    api: fake.api,
    store,
    navigation,
    language: options.language,
  });
  return { ...rendered, fake };
}

const names = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByTestId('contact-item')
    .map((item) => item.querySelector('.contact-item-name')?.textContent);

describe('ContactsView', () => {
  it('lists friends by remark or name with presence, blocked users apart, and filters as you type', async () => {
    setup();
    await waitFor(() => expect(names('friend-list')).toEqual(['Aunt Carol', 'Bob']));
    expect(names('blocked-list')).toEqual(['Mallory']);
    const bobItem = screen.getByRole('button', { name: /Bob/ });
    expect(within(bobItem).getByTestId('presence-dot').dataset.online).toBe('true');
    expect(bobItem.textContent).toContain('Online');
    expect(screen.getByRole('button', { name: /Aunt Carol/ }).textContent).toContain(
      'Last seen 5 minutes ago',
    );

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), {
      target: { value: 'carol' },
    });
    expect(names('friend-list')).toEqual(['Aunt Carol']);
    fireEvent.change(screen.getByTestId('contacts-search'), { target: { value: 'zzz' } });
    expect(screen.getByText('No contact matches.')).toBeTruthy();
  });

  it('moves between entries with the arrow keys', async () => {
    setup();
    await waitFor(() => expect(names('friend-list')).toEqual(['Aunt Carol', 'Bob']));
    const carolItem = screen.getByRole('button', { name: /Aunt Carol/ });
    carolItem.focus();
    fireEvent.keyDown(carolItem, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Bob/ }));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByTestId('contacts-requests'));
  });

  it('follows contacts and presence events from the engine', async () => {
    const { fake } = setup({ contacts: [bob] });
    await waitFor(() => expect(names('friend-list')).toEqual(['Bob']));

    fake.emit('contacts:changed', { contacts: [contact({ userId: 'u5', displayName: 'Dave' })] });
    await waitFor(() => expect(names('friend-list')).toEqual(['Bob', 'Dave']));
    fake.emit('presence:changed', { users: [{ userId: 'u2', online: false, lastSeen: null }] });
    await waitFor(() =>
      expect(
        within(screen.getByRole('button', { name: /Bob/ })).getByTestId('presence-dot').dataset.online,
      ).toBe('false'),
    );
    fake.emit('contacts:removed', { userIds: ['u2'] });
    await waitFor(() => expect(names('friend-list')).toEqual(['Dave']));
  });

  it('shows waiting requests first, accepts and rejects them, and follows the requests event', async () => {
    const dan = request({ userId: 'u6', displayName: 'Dan', message: 'we met at the climbing gym' });
    const erin = request({ userId: 'u7', displayName: 'Erin' });
    const { fake } = setup({
      requests: [dan, erin, request({ userId: 'u8', displayName: 'Faye', direction: 'outgoing' })],
      handlers: {
        'friends:accept': ({ userId }) => ok(contact({ userId, displayName: 'Dan' })),
        'friends:reject': () => ok(null),
      },
    });
    const inbox = await screen.findByTestId('friend-requests');
    await waitFor(() => expect(within(inbox).getAllByTestId('friend-request')).toHaveLength(3));
    expect(screen.getByLabelText('2 requests waiting')).toBeTruthy();
    expect(inbox.textContent).toContain('we met at the climbing gym');
    expect(within(inbox).getByText('Waiting for an answer')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Accept Dan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject Erin' }));
    await waitFor(() =>
      expect(
        fake.calls.filter((c) => c.channel.startsWith('friends:a') || c.channel.startsWith('friends:rej')),
      ).toEqual([
        { channel: 'friends:accept', request: { userId: 'u6' } },
        { channel: 'friends:reject', request: { userId: 'u7' } },
      ]),
    );

    fake.emit('friends:requestsChanged', { requests: [] });
    expect(await within(inbox).findByText('No friend requests.')).toBeTruthy();
    expect(screen.queryByLabelText(/requests? waiting/)).toBeNull();
  });

  it('adds a friend by username with a message, and says what happened', async () => {
    const { fake } = setup({
      handlers: {
        'friends:request': ({ username }) =>
          username === 'nobody' ? fail('user-not-found') : ok({ userId: 'u9', relation: 'outgoing' }),
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add friend' }));
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'nobody' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No user has that username.');

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: ' zoe ' } });
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'hi, Alice here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect((await screen.findByRole('status')).textContent).toBe('Request sent to zoe.');
    expect(fake.calls.filter((c) => c.channel === 'friends:request').at(-1)?.request).toEqual({
      username: 'zoe',
      message: 'hi, Alice here',
    });
    expect(screen.getByLabelText<HTMLInputElement>('Username').value).toBe('');
  });

  it('deleting a friend closes their open chat and its details, even when the chat list is empty', async () => {
    const { fake, navigation, store } = setup({ handlers: { 'contacts:delete': () => ok(null) } });
    navigation.getState().openConversation(directConversationId('u1', 'u2'));
    navigation.getState().setDetailsOpen(true);
    navigation.getState().go('contacts');
    expect(store.getState().conversations).toEqual([]);

    fireEvent.click(await screen.findByRole('button', { name: /Bob/ }));
    fireEvent.click(screen.getByTestId('contact-delete'));
    expect(screen.getByRole('group', { name: 'Delete Bob from your contacts?' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('contact-delete-confirm'));

    await waitFor(() =>
      expect(navigation.getState()).toMatchObject({ conversationId: null, detailsOpen: false }),
    );
    expect(fake.calls.find((c) => c.channel === 'contacts:delete')?.request).toEqual({ userId: 'u2' });
  });

  it('keeps another open chat when a different friend is deleted, and shows a failure as a toast', async () => {
    const { navigation, store } = setup({ handlers: { 'contacts:delete': () => fail('offline') } });
    navigation.getState().openConversation(directConversationId('u1', 'u3'));
    navigation.getState().go('contacts');
    fireEvent.click(await screen.findByRole('button', { name: /Bob/ }));
    fireEvent.click(screen.getByTestId('contact-delete'));
    fireEvent.click(screen.getByTestId('contact-delete-confirm'));
    await waitFor(() =>
      expect(store.getState().toasts.map((t) => t.text)).toEqual([
        'You are offline. Try again when the connection is back.',
      ]),
    );
    expect(navigation.getState().conversationId).toBe(directConversationId('u1', 'u3'));
  });

  it('sets a remark, blocks, and opens a chat from the profile', async () => {
    const bobChat = {
      id: directConversationId('u1', 'u2'),
      kind: 'direct' as const,
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
    const { fake, navigation } = setup({
      handlers: {
        'contacts:setRemark': ({ userId, remark }) => ok({ ...bob, userId, remark: remark ?? '' }),
        'contacts:block': () => ok({ ...bob, blocked: true, relation: 'none' }),
        'conversations:open': () => ok(bobChat),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: /Bob/ }));
    const profile = screen.getByTestId('contact-profile');
    expect(within(profile).getByTestId('contact-profile-username').textContent).toBe('@bob');

    fireEvent.change(within(profile).getByLabelText(/Remark/), { target: { value: 'Bobby ' } });
    fireEvent.click(within(profile).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'contacts:setRemark')?.request).toEqual({
        userId: 'u2',
        remark: 'Bobby',
      }),
    );

    fireEvent.click(within(profile).getByTestId('contact-block'));
    fireEvent.click(within(profile).getByTestId('contact-block-confirm'));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'contacts:block')).toBe(true));

    fireEvent.click(within(profile).getByRole('button', { name: 'Send message' }));
    await waitFor(() =>
      expect(navigation.getState()).toMatchObject({ view: 'chats', conversationId: bobChat.id }),
    );
  });

  it('is translated into Chinese', async () => {
    setup({ language: 'zh', contacts: [bob] });
    expect(await screen.findByRole('searchbox', { name: '搜索联系人' })).toBeTruthy();
    await waitFor(() => expect(screen.getByText('好友（1）')).toBeTruthy());
    expect(screen.getByRole('button', { name: /Bob/ }).textContent).toContain('在线');
  });
});
