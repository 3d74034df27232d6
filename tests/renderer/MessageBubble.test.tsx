// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageBubble } from '../../renderer/src/components/MessageBubble';
import type { Message } from '../../shared/ipc/models';
import { textMessage } from './messageFixture';

afterEach(cleanup);

function renderBubble(message: Message): HTMLElement {
  render(
    <ol>
      <MessageBubble message={message} />
    </ol>,
  );
  return screen.getByTestId('message-bubble');
}

describe('MessageBubble', () => {
  it('shows markup a peer sent as literal text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const bubble = renderBubble(textMessage({ text: hostile, outgoing: false, status: 'received' }));

    expect(within(bubble).getByText(hostile)).toBeTruthy();
    expect(bubble.querySelector('img')).toBeNull();
    expect(bubble.querySelector('b')).toBeNull();
  });

  it('keeps line breaks and non-Latin text as sent', () => {
    const bubble = renderBubble(textMessage({ text: '你好 bob 👋\nsecond line' }));
    expect(bubble.querySelector('.bubble-text')?.textContent).toBe('你好 bob 👋\nsecond line');
  });

  it.each([
    ['sending', 'Sending'],
    ['sent', 'Sent'],
    ['read', 'Read'],
    ['failed', 'Not sent'],
  ] as const)('shows an outgoing %s message with the label "%s"', (status, label) => {
    const bubble = renderBubble(textMessage({ status }));
    expect(bubble.dataset.status).toBe(status);
    expect(bubble.dataset.direction).toBe('outgoing');
    expect(within(bubble).getByRole('img', { name: label })).toBeTruthy();
  });

  it('shows no delivery status on incoming messages', () => {
    const bubble = renderBubble(textMessage({ outgoing: false, status: 'received' }));
    expect(bubble.dataset.direction).toBe('incoming');
    expect(within(bubble).queryByTestId('message-status')).toBeNull();
  });

  it('shows a hint for a kind this version does not know instead of dropping it', () => {
    const bubble = renderBubble(textMessage({ kind: 'sticker', body: { stickerId: 'x' } }));
    expect(bubble.textContent).toContain('newer version of Tidings');
  });
});
