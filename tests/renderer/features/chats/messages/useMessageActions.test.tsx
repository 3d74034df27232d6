// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useMessageActions } from '../../../../../renderer/src/features/chats/messages/useMessageActions';
import type { Message } from '../../../../../shared/ipc/models';
import { conversation } from '../../../conversationFixture';
import { fakeApi } from '../../../fakeApi';
import { textMessage } from '../../../messageFixture';
import { renderWithProviders } from '../../../providers';

afterEach(cleanup);

const noop = () => undefined;

function MenuIds({ message }: Readonly<{ message: Message }>) {
  const { menuItems } = useMessageActions(conversation(), {
    reply: noop,
    forward: noop,
    confirmDelete: noop,
  });
  return (
    <p data-testid="ids">
      {menuItems(message, message.sentAt)
        .map((item) => item.id)
        .join(' ')}
    </p>
  );
}

function idsFor(message: Message): string[] {
  renderWithProviders(<MenuIds message={message} />, { api: fakeApi().api });
  const ids = screen.getByTestId('ids').textContent?.split(' ') ?? [];
  cleanup();
  return ids;
}

describe('message actions', () => {
  it('offers forward for any message the server numbered, files included, but not for notices', () => {
    const file = textMessage({ kind: 'file', body: { fileId: 'a'.repeat(32), name: 'a.pdf' }, seq: 4 });
    expect(idsFor(file)).toContain('forward');
    expect(idsFor(textMessage({ seq: 5 }))).toContain('forward');
    expect(idsFor(textMessage({ seq: null, status: 'sending' }))).not.toContain('forward');
    expect(idsFor(textMessage({ kind: 'notice', body: { event: 'member-joined' }, seq: 6 }))).not.toContain(
      'forward',
    );
  });
});
