// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationItem } from '../../../../renderer/src/features/chats/ConversationItem';
import type { Conversation } from '../../../../shared/ipc/models';
import { conversation } from '../../conversationFixture';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';

afterEach(cleanup);

function renderItem(c: Conversation, language: 'en' | 'zh'): void {
  renderWithProviders(
    <ConversationItem
      conversation={c}
      selected={false}
      focusable
      onSelect={() => {}}
      onMenu={() => {}}
      onKeyDown={() => {}}
      buttonRef={() => {}}
    />,
    { api: fakeApi().api, language },
  );
}

describe('ConversationItem', () => {
  it.each([
    ['en', 'System notices'],
    ['zh', '系统通知'],
  ] as const)(
    'names System notices in the UI language (%s), whatever title the engine stored',
    (language, name) => {
      renderItem(
        conversation({ id: 'system', kind: 'system', title: 'System notices', peer: null }),
        language,
      );
      expect(screen.getByTestId('conversation-item').querySelector('.conversation-title')?.textContent).toBe(
        name,
      );
    },
  );

  it("shows any other conversation's own title", () => {
    renderItem(conversation({ title: '小明 Ming' }), 'zh');
    expect(screen.getByTestId('conversation-item').querySelector('.conversation-title')?.textContent).toBe(
      '小明 Ming',
    );
  });
});
