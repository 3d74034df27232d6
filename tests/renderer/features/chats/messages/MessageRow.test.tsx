// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageRow } from '../../../../../renderer/src/features/chats/messages/MessageRow';
import { ok } from '../../../../../shared/ipc/errors';
import type { Message } from '../../../../../shared/ipc/models';
import { fakeApi, type FakeApi } from '../../../fakeApi';
import { textMessage } from '../../../messageFixture';
import { renderWithProviders } from '../../../providers';

afterEach(cleanup);

const names: Record<string, string> = { u1: 'Alice', u2: 'Bob', u3: 'Carol' };
const nameOf = (id: string): string => names[id] ?? id;

function renderRow(
  message: Message,
  options: { fake?: FakeApi; onRetry?: (m: Message) => void; language?: 'en' | 'zh' } = {},
) {
  const fake =
    options.fake ??
    fakeApi({
      'files:get': () => ok({ transfer: null, path: null, thumbnailDataUrl: null }),
      'files:download': () =>
        ok({
          messageId: message.id,
          conversationId: message.conversationId,
          direction: 'download' as const,
          name: 'x',
          bytesDone: 0,
          bytesTotal: null,
          state: 'queued' as const,
          error: null,
          path: null,
        }),
    });
  const rendered = renderWithProviders(
    <MessageRow
      message={message}
      nameOf={nameOf}
      selfId="u1"
      showSender
      highlighted={false}
      onMenu={vi.fn()}
      onMenuKey={vi.fn()}
      onRetry={options.onRetry ?? vi.fn()}
    />,
    { api: fake.api, language: options.language ?? 'en' },
  );
  return { fake, rendered };
}

const bubble = (): HTMLElement => screen.getByTestId('message-bubble');

describe('MessageRow', () => {
  it('shows markup a peer sent as literal text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    renderRow(textMessage({ text: hostile, outgoing: false, status: 'received', senderId: 'u2' }));
    expect(within(bubble()).getByText(hostile)).toBeTruthy();
    expect(bubble().querySelector('img')).toBeNull();
    expect(bubble().querySelector('b')).toBeNull();
  });

  it('keeps line breaks and non-Latin text as sent', () => {
    renderRow(textMessage({ text: '你好 bob 👋\nsecond line' }));
    expect(bubble().querySelector('.bubble-text')?.textContent).toBe('你好 bob 👋\nsecond line');
  });

  it.each([
    ['sending', 'Sending'],
    ['sent', 'Sent'],
    ['read', 'Read'],
  ] as const)('shows an outgoing %s message with the label "%s"', (status, label) => {
    renderRow(textMessage({ status }));
    expect(bubble().dataset.status).toBe(status);
    expect(bubble().dataset.direction).toBe('outgoing');
    expect(within(bubble()).getByRole('img', { name: label })).toBeTruthy();
  });

  it('shows a spinner while sending', () => {
    renderRow(textMessage({ status: 'sending', seq: null }));
    expect(bubble().querySelector('.spinner')).not.toBeNull();
  });

  it('makes a failed message a button that sends it again', () => {
    const onRetry = vi.fn<(m: Message) => void>();
    const failed = textMessage({ status: 'failed', seq: null });
    renderRow(failed, { onRetry });
    fireEvent.click(within(bubble()).getByRole('button', { name: 'Not sent. Click to send again' }));
    expect(onRetry).toHaveBeenCalledExactlyOnceWith(failed);
  });

  it('says why the server refused a failed message, in the UI language', () => {
    const failed = textMessage({
      status: 'failed',
      seq: null,
      failure: { code: 'blocked', message: 'The receiver has blocked you.' },
    });
    renderRow(failed, { language: 'zh' });
    expect(within(bubble()).getByRole('button', { name: /你们中有一方已将对方拉黑/ })).toBeTruthy();
  });

  it('shows no delivery status on incoming messages, and the sender name in a group', () => {
    renderRow(textMessage({ outgoing: false, status: 'received', senderId: 'u3' }));
    expect(bubble().dataset.direction).toBe('incoming');
    expect(within(bubble()).queryByTestId('message-status')).toBeNull();
    expect(screen.getByText('Carol')).toBeTruthy();
  });

  it('shows a hint to update for a kind this version does not know instead of dropping it', () => {
    renderRow(textMessage({ kind: 'sticker', body: { stickerId: 'x' } }));
    expect(bubble().textContent).toContain('Update Tidings to view it');
  });

  it('makes links clickable and calls app:openExternal instead of navigating', async () => {
    const fake = fakeApi({ 'app:openExternal': () => ok({ opened: true }) });
    renderRow(textMessage({ text: 'see https://example.com/a?b=1. ok' }), { fake });
    const link = within(bubble()).getByTestId('message-link');
    expect(link.textContent).toBe('https://example.com/a?b=1');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        channel: 'app:openExternal',
        request: { url: 'https://example.com/a?b=1' },
      }),
    );
  });

  it('shows the quoted message of a reply', () => {
    renderRow(
      textMessage({ body: { text: 'yes!', replyTo: { seq: 3, senderId: 'u2', preview: 'lunch?' } } }),
    );
    const quote = within(bubble()).getByTestId('reply-quote');
    expect(quote.textContent).toContain('Bob');
    expect(quote.textContent).toContain('lunch?');
  });

  it('shows a tombstone for a recalled message, naming who recalled it', () => {
    renderRow(textMessage({ body: {}, recalled: { by: 'u2', at: 5 }, outgoing: false, senderId: 'u2' }));
    expect(screen.queryByTestId('message-bubble')).toBeNull();
    expect(screen.getByTestId('recalled').textContent).toBe('Bob recalled a message');
  });

  it('says "You recalled a message" in Chinese too', () => {
    renderRow(textMessage({ body: {}, recalled: { by: 'u1', at: 5 } }), { language: 'zh' });
    expect(screen.getByTestId('recalled').textContent).toBe('你撤回了一条消息');
  });

  it('renders system notices as sentences with names', () => {
    renderRow(
      textMessage({
        kind: 'notice',
        outgoing: false,
        body: { event: 'member-kicked', actorId: 'u1', targetIds: ['u2', 'u3'] },
      }),
    );
    expect(screen.getByTestId('notice').textContent).toBe('Alice removed Bob, Carol from the group');
  });

  it('renders a broadcast with its title and text', () => {
    renderRow(
      textMessage({
        kind: 'broadcast',
        outgoing: false,
        body: { title: 'Maintenance', body: 'Tonight 22:00', publishedAt: 1, expiresAt: null },
      }),
    );
    const notice = screen.getByTestId('broadcast');
    expect(notice.textContent).toContain('Maintenance');
    expect(notice.textContent).toContain('Tonight 22:00');
  });

  it('shows a file with its name and size, and downloads it on request', async () => {
    const file = textMessage({
      kind: 'file',
      outgoing: false,
      body: { fileId: 'a'.repeat(32), name: 'report.pdf', size: 2_621_440 },
    });
    const { fake } = renderRow(file);
    expect(screen.getByTestId('file-name').textContent).toBe('report.pdf');
    expect(bubble().textContent).toContain('2.5 MB');
    fireEvent.click(await screen.findByTestId('file-download'));
    await waitFor(() => expect(fake.calls.map((c) => c.channel)).toContain('files:download'));
  });

  it('shows transfer progress as it arrives, and open / show in folder once the file is here', async () => {
    const file = textMessage({ kind: 'file', body: { fileId: 'b'.repeat(32), name: 'a.zip', size: 1000 } });
    let path: string | null = null;
    const fake = fakeApi({
      'files:get': () => ok({ transfer: null, path, thumbnailDataUrl: null }),
      'app:openFile': () => ok({ opened: true }),
      'app:showFile': () => ok({ shown: true }),
    });
    renderRow(file, { fake });
    const transfer = {
      messageId: file.id,
      conversationId: file.conversationId,
      direction: 'download' as const,
      name: 'a.zip',
      bytesDone: 500,
      bytesTotal: 1000,
      state: 'running' as const,
      error: null,
      path: null,
    };
    await waitFor(() => expect(fake.calls.map((c) => c.channel)).toContain('files:get'));
    fake.emit('files:progress', transfer);
    const bar = await screen.findByTestId('transfer');
    expect(bar.querySelector('progress')?.getAttribute('value')).toBe('50');
    expect(screen.getByTestId('file-cancel')).toBeTruthy();

    path = '/downloads/a.zip';
    fake.emit('files:progress', { ...transfer, bytesDone: 1000, state: 'done', path });
    fireEvent.click(await screen.findByTestId('file-open'));
    fireEvent.click(screen.getByTestId('file-show'));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel.startsWith('app:'))).toEqual([
        { channel: 'app:openFile', request: { messageId: file.id } },
        { channel: 'app:showFile', request: { messageId: file.id } },
      ]),
    );
  });

  it('offers retry for a failed transfer', async () => {
    const file = textMessage({ kind: 'file', body: { fileId: 'c'.repeat(32), name: 'b.bin', size: 10 } });
    const failed = {
      messageId: file.id,
      conversationId: file.conversationId,
      direction: 'upload' as const,
      name: 'b.bin',
      bytesDone: 3,
      bytesTotal: 10,
      state: 'failed' as const,
      error: { code: 'server-unreachable', message: 'x' },
      path: null,
    };
    const fake = fakeApi({
      'files:get': () => ok({ transfer: failed, path: null, thumbnailDataUrl: null }),
      'files:retry': () => ok({ ...failed, state: 'running' as const }),
    });
    renderRow(file, { fake });
    fireEvent.click(await screen.findByTestId('file-retry'));
    await waitFor(() =>
      expect(fake.calls).toContainEqual({ channel: 'files:retry', request: { messageId: file.id } }),
    );
  });

  it('shows an image thumbnail and a large view on click', async () => {
    const image = textMessage({
      kind: 'image',
      body: { fileId: 'd'.repeat(32), name: 'cat.png', width: 800, height: 600 },
    });
    const dataUrl = 'data:image/png;base64,iVBORw0KGgo=';
    const fake = fakeApi({
      'files:get': () => ok({ transfer: null, path: '/x/cat.png', thumbnailDataUrl: dataUrl }),
    });
    renderRow(image, { fake });
    const open = await screen.findByRole('button', { name: 'Open the image' });
    expect(open.querySelector('img')?.getAttribute('src')).toBe(dataUrl);
    fireEvent.click(open);
    expect(screen.getByTestId('lightbox').querySelector('img')?.getAttribute('src')).toBe(dataUrl);
  });

  it('shows a contact card with a default avatar and opens a chat with the person', async () => {
    const card = textMessage({
      kind: 'card',
      outgoing: false,
      senderId: 'u2',
      body: { userId: 'u9', username: 'dave', displayName: 'Dave Li' },
    });
    const fake = fakeApi({
      'conversations:open': () =>
        ok({
          id: 'd:u1:u9',
          kind: 'direct' as const,
          group: null,
          title: 'Dave Li',
          peer: { userId: 'u9', username: 'dave', displayName: 'Dave Li' },
          lastMessage: null,
          unread: 0,
          updatedAt: 1,
          draft: '',
          pinned: false,
          muted: false,
          mentioned: false,
        }),
    });
    const { rendered } = renderRow(card, { fake });
    const content = screen.getByTestId('card-content');
    expect(content.querySelector('.avatar')?.textContent).toBe('DL');
    expect(content.textContent).toContain('@dave');
    fireEvent.click(screen.getByTestId('card-send'));
    await waitFor(() => expect(rendered.navigation.getState().conversationId).toBe('d:u1:u9'));
  });
});
