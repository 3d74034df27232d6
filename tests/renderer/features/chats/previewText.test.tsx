// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationItem } from '../../../../renderer/src/features/chats/ConversationItem';
import { previewText } from '../../../../renderer/src/features/chats/previewText';
import { createI18n } from '../../../../renderer/src/i18n/createI18n';
import { conversation } from '../../conversationFixture';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';

afterEach(cleanup);

const tOf = (language: 'en' | 'zh') => createI18n(language).getFixedT(language, 'chats');

describe('previewText for group notices', () => {
  it('translates the engine marker, keeping the new name or announcement', () => {
    const en = tOf('en');
    const zh = tOf('zh');
    expect(previewText('[notice:member-kicked]', en)).toBe('[A member was removed]');
    expect(previewText('[notice:member-kicked]', zh)).toBe('[有成员被移出]');
    expect(previewText('[notice:group-renamed] Summit 2026', en)).toBe('[Group renamed: Summit 2026]');
    expect(previewText('[notice:group-renamed] 峰会', zh)).toBe('[群名已修改：峰会]');
  });

  it('translates the English sentences earlier versions stored', () => {
    const zh = tOf('zh');
    expect(previewText('[A member was removed]', zh)).toBe('[有成员被移出]');
    expect(previewText('[Group renamed: Summit]', zh)).toBe('[群名已修改：Summit]');
  });

  it('leaves text and unknown markers alone', () => {
    const zh = tOf('zh');
    expect(previewText('[notice:something-new]', zh)).toBe('[notice:something-new]');
    expect(previewText('hello [notice:member-quit]', zh)).toBe('hello [notice:member-quit]');
    expect(previewText('[image]', zh)).toBe('[图片]');
  });
});

describe('ConversationItem with a group notice as the last message', () => {
  it('shows the notice in the UI language', () => {
    const group = conversation({
      id: 'g:g1',
      kind: 'group',
      title: 'Hikers',
      peer: null,
      lastMessage: { preview: '[notice:member-quit]', sentAt: 2_000, outgoing: false },
    });
    const noop = (): void => undefined;
    renderWithProviders(
      <ConversationItem
        conversation={group}
        selected={false}
        focusable
        onSelect={noop}
        onMenu={noop}
        onKeyDown={noop}
        buttonRef={noop}
      />,
      { api: fakeApi().api, language: 'zh' },
    );
    expect(screen.getByText('[有成员退出]')).toBeTruthy();
    expect(screen.queryByText(/A member/)).toBeNull();
  });
});
