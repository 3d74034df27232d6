// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { createI18n } from '../../../renderer/src/i18n/createI18n';
import { createChatStore } from '../../../renderer/src/state/chatStore';
import { createNavigationStore } from '../../../renderer/src/state/navigation';
import { ok } from '../../../shared/ipc/errors';
import type { Settings } from '../../../shared/ipc/models';
import { alice, conversation } from '../conversationFixture';
import { fakeApi } from '../fakeApi';
import { textMessage } from '../messageFixture';

afterEach(cleanup);

const withBob = conversation();
const settings: Settings = {
  notifications: { enabled: true, sound: true, showPreview: true },
  doNotDisturb: { enabled: false, from: '22:00', to: '07:00' },
  sendKey: 'enter',
  theme: 'light',
  language: 'en',
  startAtLogin: false,
  updateChannel: 'stable',
};

/** The whole app, signed in as alice, over a fake API. */
function signedIn(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const fake = fakeApi({
    'auth:current': () => ok(alice),
    'settings:get': () => ok(settings),
    'conversations:list': () => ok([]),
    'messages:list': () => ok([]),
    'connection:get': () => ok({ status: 'online', mode: 'tidings' }),
    'sync:get': () =>
      ok({
        phase: 'idle',
        applied: 0,
        pendingConversations: 0,
        backfillRemaining: 0,
        lastSyncedAt: null,
        pendingSends: 0,
      }),
    'app:takeNavigation': () => ok(null),
    'conversations:markRead': (request) => ok(conversation({ id: request.conversationId, unread: 0 })),
    'conversations:setDraft': (request) =>
      ok(conversation({ id: request.conversationId, draft: request.draft })),
    ...overrides,
  });
  const store = createChatStore();
  const navigation = createNavigationStore();
  render(<App api={fake.api} store={store} navigation={navigation} i18n={createI18n('en')} />);
  return { fake, store, navigation };
}

describe('App', () => {
  it('restores the session and lists conversations that arrive by event', async () => {
    const { fake } = signedIn();
    await screen.findByTestId('chat-screen');
    expect(screen.getByTestId('current-user').textContent).toBe('Alice');

    fake.emit('conversations:changed', {
      conversations: [
        { ...withBob, lastMessage: { preview: 'hi there', sentAt: 1_000, outgoing: false }, unread: 2 },
      ],
    });

    const item = await screen.findByRole('option', { name: /Bob/ });
    expect(item.textContent).toContain('hi there');
    expect(within(item).getByLabelText('2 unread messages')).toBeTruthy();
  });

  it('opens a chat by username, sends, and moves the bubble to "sent" when the event says so', async () => {
    const sending = textMessage({
      id: 'fp-9',
      conversationId: withBob.id,
      seq: null,
      status: 'sending',
      text: 'hey bob',
    });
    const { fake } = signedIn({
      'conversations:open': () => ok(withBob),
      'messages:send': () => ok(sending),
    });
    await screen.findByTestId('chat-screen');

    fireEvent.change(screen.getByLabelText('Username to chat with'), { target: { value: 'bob' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chat' }));
    const composer = await screen.findByRole('textbox', { name: 'Message' });
    fireEvent.change(composer, { target: { value: 'hey bob' } });
    fireEvent.keyDown(composer, { key: 'Enter' });

    await waitFor(() => expect(fake.calls.map((c) => c.channel)).toContain('messages:send'));
    fake.emit('messages:changed', {
      conversationId: withBob.id,
      messages: [{ ...sending, seq: 1, status: 'sent' }],
    });
    await waitFor(() => expect(fake.calls.map((c) => c.channel)).toContain('conversations:setDraft'));
  });

  it('shows why a chat cannot be opened, in the UI language', async () => {
    signedIn({
      'conversations:open': () => ({ ok: false, error: { code: 'user-not-found', message: 'x' } }),
    });
    await screen.findByTestId('chat-screen');
    fireEvent.change(screen.getByLabelText('Username to chat with'), { target: { value: 'nobody' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chat' }));
    expect((await screen.findByTestId('new-chat-error')).textContent).toBe('No user has that username.');
  });

  it('moves between views with the rail, by click and with the arrow keys', async () => {
    const { navigation } = signedIn();
    await screen.findByTestId('chat-screen');
    const rail = screen.getByRole('navigation', { name: 'Navigation' });
    const chats = within(rail).getByRole('button', { name: 'Chats' });
    expect(chats.getAttribute('aria-current')).toBe('page');
    fireEvent.click(within(rail).getByRole('button', { name: 'Settings' }));
    expect(navigation.getState().view).toBe('settings');
    await screen.findByTestId('settings-view');

    const settingsButton = within(rail).getByRole('button', { name: 'Settings' });
    settingsButton.focus();
    fireEvent.keyDown(settingsButton, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(chats);
  });

  it('calls app:takeNavigation on start and again when the shell says one is waiting, and opens it', async () => {
    let waiting: { kind: 'conversation'; conversationId: string } | null = null;
    const { fake, navigation } = signedIn({
      'conversations:list': () => ok([withBob]),
      'app:takeNavigation': () => {
        const next = waiting;
        waiting = null;
        return ok(next);
      },
    });
    await screen.findByTestId('chat-screen');
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'app:takeNavigation').length).toBeGreaterThan(0),
    );
    waiting = { kind: 'conversation', conversationId: withBob.id };
    fake.emit('app:navigationRequested', {});
    await waitFor(() => expect(navigation.getState().conversationId).toBe(withBob.id));
    await screen.findByTestId('conversation-pane');
  });

  it('opens the quick switcher with Ctrl+K and search with Ctrl+F', async () => {
    const { navigation } = signedIn();
    await screen.findByTestId('chat-screen');
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    expect(navigation.getState().switcherOpen).toBe(true);
    fireEvent.keyDown(window, { key: 'f', metaKey: true });
    expect(navigation.getState().view).toBe('search');
  });

  it('applies the theme and language from the settings', async () => {
    const { fake } = signedIn({
      'settings:get': () => ok({ ...settings, theme: 'dark', language: 'zh-CN' }),
    });
    await screen.findByTestId('chat-screen');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    await screen.findByRole('navigation', { name: '导航' });
    expect(document.documentElement.lang).toBe('zh-CN');
    fake.emit('settings:changed', { ...settings, theme: 'light', language: 'en' });
    await screen.findByRole('navigation', { name: 'Navigation' });
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('replaces the composer of a group the user left with a notice', async () => {
    const left = conversation({
      id: 'g:1',
      kind: 'group',
      title: 'Team',
      peer: null,
      group: { groupId: '1', memberCount: 3, role: null, state: 'left' },
    });
    const { navigation } = signedIn({
      'conversations:list': () => ok([left]),
      'groups:members': () => ok([]),
    });
    await screen.findByTestId('chat-screen');
    navigation.getState().openConversation(left.id);
    expect((await screen.findByTestId('read-only-notice')).textContent).toContain('no longer a member');
    expect(screen.queryByTestId('composer')).toBeNull();
  });
});
