// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/app/App';
import { createChatStore } from '../../renderer/src/state/chatStore';
import { ok } from '../../shared/ipc/errors';
import type { Account, Conversation } from '../../shared/ipc/models';
import { fakeApi } from './fakeApi';
import { textMessage } from './messageFixture';

afterEach(cleanup);

const alice: Account = {
  userId: 'u1',
  username: 'alice',
  displayName: 'Alice',
  serverUrl: 'http://127.0.0.1:7700',
  mode: 'tidings',
};
const withBob: Conversation = {
  id: 'd:u1:u2',
  kind: 'direct',
  group: null,
  title: 'Bob',
  peer: { userId: 'u2', username: 'bob', displayName: 'Bob' },
  lastMessage: null,
  unread: 0,
  updatedAt: 1_000,
  draft: '',
  pinned: false,
  muted: false,
  mentioned: false,
};

/** The whole app, signed in as alice, over a fake API. */
function signedIn(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const fake = fakeApi({
    'auth:current': () => ok(alice),
    'conversations:list': () => ok([]),
    'messages:list': () => ok([]),
    ...overrides,
  });
  render(<App api={fake.api} store={createChatStore()} />);
  return fake;
}

describe('ChatScreen', () => {
  it('restores the session and lists conversations that arrive by event', async () => {
    const fake = signedIn();
    await screen.findByTestId('chat-screen');
    expect(screen.getByTestId('current-user').textContent).toBe('Alice');

    fake.emit('conversations:changed', {
      conversations: [
        { ...withBob, lastMessage: { preview: 'hi there', sentAt: 1_000, outgoing: false }, unread: 2 },
      ],
    });

    const item = await screen.findByRole('button', { name: /Bob/ });
    expect(item.textContent).toContain('hi there');
    expect(within(item).getByLabelText('2 unread')).toBeTruthy();
  });

  it('opens a chat by username, sends, and moves the bubble to "sent" when the event says so', async () => {
    const sending = textMessage({
      id: 'fp-9',
      conversationId: withBob.id,
      seq: null,
      status: 'sending',
      text: 'hey bob',
    });
    const fake = signedIn({
      'conversations:open': () => ok(withBob),
      'messages:send': () => ok(sending),
    });
    await screen.findByTestId('chat-screen');

    fireEvent.change(screen.getByLabelText('Username to chat with'), { target: { value: 'bob' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chat' }));
    const composer = await screen.findByRole('textbox', { name: 'Message' });
    fireEvent.change(composer, { target: { value: 'hey bob' } });
    fireEvent.keyDown(composer, { key: 'Enter' });

    const bubble = await screen.findByTestId('message-bubble');
    expect(bubble.dataset.status).toBe('sending');
    expect(fake.calls.map((c) => c.channel)).toContain('messages:send');

    fake.emit('messages:changed', {
      conversationId: withBob.id,
      messages: [{ ...sending, seq: 1, status: 'sent' }],
    });
    await screen.findByRole('img', { name: 'Sent' });
    expect(screen.getAllByTestId('message-bubble')).toHaveLength(1);
  });

  it('shows why a chat cannot be opened', async () => {
    signedIn({
      'conversations:open': () => ({
        ok: false,
        error: { code: 'user-not-found', message: 'No user has that username.' },
      }),
    });
    await screen.findByTestId('chat-screen');

    fireEvent.change(screen.getByLabelText('Username to chat with'), { target: { value: 'nobody' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chat' }));

    expect((await screen.findByTestId('new-chat-error')).textContent).toBe('No user has that username.');
  });
});
