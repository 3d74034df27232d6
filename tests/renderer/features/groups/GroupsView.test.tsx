// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupsView } from '../../../../renderer/src/features/groups';
import { createChatStore } from '../../../../renderer/src/state/chatStore';
import { createNavigationStore } from '../../../../renderer/src/state/navigation';
import type { Group } from '../../../../shared/ipc/channels/groups';
import { fail, ok } from '../../../../shared/ipc/errors';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';
import { alice, contact } from '../contacts/contactFixtures';
import { group, groupConversation, member } from './groupFixtures';

afterEach(cleanup);

const climbers = group({ groupId: '7', name: 'Climbers' });
const readers = group({ groupId: '8', name: 'Readers', myRole: 'member', ownerId: 'u2' });
const oldTeam = group({ groupId: '9', name: 'Old team', myRole: null, state: 'left' });
const friends = [
  contact({ userId: 'u2', displayName: 'Bob' }),
  contact({ userId: 'u3', displayName: 'Carol' }),
];

type Handlers = Parameters<typeof fakeApi>[0];

function setup(handlers: Handlers = {}, language: 'en' | 'zh' = 'en') {
  const fake = fakeApi({
    'groups:list': () => ok([climbers, readers, oldTeam]),
    'contacts:list': () => ok(friends),
    'groups:members': () =>
      ok([
        member({ userId: 'u1', displayName: 'Alice', role: 'owner' }),
        member({ userId: 'u2', displayName: 'Bob' }),
      ]),
    ...handlers,
  });
  const store = createChatStore();
  store.getState().signedIn(alice);
  const navigation = createNavigationStore({ view: 'groups' });
  return { ...renderWithProviders(<GroupsView />, { api: fake.api, store, navigation, language }), fake };
}

describe('GroupsView', () => {
  it('says how many groups the user is in and follows quitting and dissolving', async () => {
    const { fake } = setup();
    await waitFor(() => expect(screen.getByTestId('groups-count').textContent).toBe('You are in 2 groups'));
    expect(
      within(screen.getByTestId('group-list'))
        .getAllByTestId('group-item')
        .map((g) => g.textContent),
    ).toEqual(['CClimbers3 members', 'RReaders3 members']);
    expect(within(screen.getByTestId('former-group-list')).getByTestId('group-item').dataset.state).toBe(
      'left',
    );
    expect(fake.calls.find((c) => c.channel === 'groups:list')?.request).toEqual({ refresh: true });

    fake.emit('groups:changed', { groups: [{ ...readers, state: 'left', myRole: null }] });
    await waitFor(() => expect(screen.getByTestId('groups-count').textContent).toBe('You are in 1 group'));
    fake.emit('groups:changed', { groups: [{ ...climbers, state: 'dissolved', myRole: null }] });
    await waitFor(() => expect(screen.getByTestId('groups-count').textContent).toBe('You are in 0 groups'));
    expect(screen.getByText('You are in no groups yet.')).toBeTruthy();
  });

  it('creates a group with friends picked from the list and opens its conversation at once', async () => {
    const created: Group = group({ groupId: '12', name: 'Trip 🏔' });
    const { fake, navigation, store } = setup({
      'groups:create': () => ok({ group: created, conversation: groupConversation(created) }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'New group' }));
    fireEvent.change(screen.getByLabelText('Group name'), { target: { value: ' Trip 🏔 ' } });
    const picker = screen.getByTestId('friend-picker');
    await waitFor(() => expect(within(picker).getAllByRole('checkbox')).toHaveLength(2));
    fireEvent.click(within(picker).getByRole('checkbox', { name: /Carol/ }));
    expect(within(picker).getByText('Members (1 chosen)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create group' }));

    await waitFor(() =>
      expect(navigation.getState()).toMatchObject({ view: 'chats', conversationId: created.conversationId }),
    );
    expect(fake.calls.find((c) => c.channel === 'groups:create')?.request).toEqual({
      name: 'Trip 🏔',
      memberIds: ['u3'],
    });
    expect(store.getState().conversations.map((c) => c.id)).toEqual([created.conversationId]);
  });

  it('shows why a group could not be created', async () => {
    setup({ 'groups:create': () => fail('offline') });
    fireEvent.click(screen.getByRole('button', { name: 'New group' }));
    fireEvent.change(screen.getByLabelText('Group name'), { target: { value: 'X' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create group' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You are offline. Try again when the connection is back.',
    );
  });

  it('shows a chosen group with its members and opens its chat', async () => {
    const { navigation } = setup();
    fireEvent.click(await screen.findByRole('button', { name: /Climbers/ }));
    const details = screen.getByTestId('group-details');
    await waitFor(() => expect(within(details).getAllByTestId('group-member')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Open chat' }));
    expect(navigation.getState()).toMatchObject({ view: 'chats', conversationId: 'g:7' });
  });

  it('is translated into Chinese', async () => {
    setup({}, 'zh');
    await waitFor(() => expect(screen.getByTestId('groups-count').textContent).toBe('你加入了 2 个群组'));
    expect(screen.getByRole('button', { name: '新建群组' })).toBeTruthy();
  });
});
