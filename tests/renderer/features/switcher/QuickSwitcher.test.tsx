// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SwitcherEntry } from '../../../../shared/ipc/channels/search';
import { QuickSwitcher } from '../../../../renderer/src/features/switcher';
import { createNavigationStore } from '../../../../renderer/src/state/navigation';
import { ok } from '../../../../shared/ipc/errors';
import type { Conversation } from '../../../../shared/ipc/models';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';

afterEach(cleanup);

const entries: SwitcherEntry[] = [
  {
    kind: 'contact',
    id: 'u2',
    title: '张伟',
    subtitle: 'zhangwei',
    conversationId: 'd:u1:u2',
    lastActiveAt: 3,
  },
  { kind: 'group', id: 'g:7', title: '周末爬山', subtitle: null, conversationId: 'g:7', lastActiveAt: 2 },
  { kind: 'contact', id: 'u5', title: 'Zoe', subtitle: 'zoe', conversationId: null, lastActiveAt: null },
];

const zoeChat: Conversation = {
  id: 'd:u1:u5',
  kind: 'direct',
  group: null,
  title: 'Zoe',
  peer: { userId: 'u5', username: 'zoe', displayName: 'Zoe' },
  lastMessage: null,
  unread: 0,
  updatedAt: 1,
  draft: '',
  pinned: false,
  muted: false,
  mentioned: false,
};

function setup() {
  const fake = fakeApi({
    'search:switcher': ({ query }) => ok(query === '' ? entries : entries.filter((e) => e.kind === 'group')),
    'contacts:list': () =>
      ok([
        {
          userId: 'u5',
          username: 'zoe',
          displayName: 'Zoe',
          remark: '',
          relation: 'friend',
          blocked: false,
          friendsSince: 1,
          presence: null,
        },
      ]),
    'conversations:open': () => ok(zoeChat),
  });
  const navigation = createNavigationStore({ switcherOpen: true });
  const rendered = renderWithProviders(<QuickSwitcher />, { api: fake.api, navigation });
  return { ...rendered, fake };
}

const options = () => screen.getAllByRole('option');
const selected = () => options().find((o) => o.getAttribute('aria-selected') === 'true')?.textContent;

describe('QuickSwitcher', () => {
  it('lists recent people, groups and chats, moves with the arrow keys, and Enter opens the choice', async () => {
    const { navigation } = setup();
    const input = screen.getByRole('combobox', { name: 'Go to a person, group or chat' });
    expect(document.activeElement).toBe(input);
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(selected()).toContain('张伟');

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()).toContain('周末爬山');
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[1]?.id);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(selected()).toContain('Zoe');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() =>
      expect(navigation.getState()).toMatchObject({
        view: 'chats',
        conversationId: 'g:7',
        switcherOpen: false,
      }),
    );
  });

  it('asks the engine for what is typed (pinyin included) and shows its answer', async () => {
    const { fake } = setup();
    await waitFor(() => expect(options()).toHaveLength(3));
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'zmps' } });
    await waitFor(() => expect(options()).toHaveLength(1));
    expect(options()[0]?.textContent).toContain('Group');
    expect(fake.calls.filter((c) => c.channel === 'search:switcher').at(-1)?.request).toMatchObject({
      query: 'zmps',
    });
  });

  it('opens a one-to-one chat by username for a friend the user never wrote to', async () => {
    const { navigation, store, fake } = setup();
    await waitFor(() => expect(options()).toHaveLength(3));
    fireEvent.click(screen.getByRole('option', { name: /Zoe/ }));
    await waitFor(() => expect(navigation.getState().conversationId).toBe(zoeChat.id));
    expect(fake.calls.find((c) => c.channel === 'conversations:open')?.request).toEqual({ username: 'zoe' });
    expect(store.getState().conversations.map((c) => c.id)).toEqual([zoeChat.id]);
  });

  it('closes on Escape and on a click outside', () => {
    const { navigation } = setup();
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Escape' });
    expect(navigation.getState().switcherOpen).toBe(false);

    navigation.getState().setSwitcherOpen(true);
    fireEvent.mouseDown(screen.getByRole('dialog'));
    expect(navigation.getState().switcherOpen).toBe(true);
    fireEvent.mouseDown(screen.getByTestId('switcher-backdrop'));
    expect(navigation.getState().switcherOpen).toBe(false);
  });

  it('says when nothing matches, in Chinese too', async () => {
    const fake = fakeApi({ 'search:switcher': () => ok([]) });
    renderWithProviders(<QuickSwitcher />, { api: fake.api, language: 'zh' });
    fireEvent.change(screen.getByRole('combobox', { name: '转到联系人、群组或会话' }), {
      target: { value: 'q' },
    });
    expect(await screen.findByText('没有匹配的结果。')).toBeTruthy();
  });
});
