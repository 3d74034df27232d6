import { describe, expect, it, vi } from 'vitest';
import { createMessageNotifier } from '../../../../electron/main/notifications/messageNotifier';
import { defaultSettings } from '../../../../electron/main/settings/shellSettings';
import type { ConversationSnapshot } from '../../../../electron/main/notifications/notificationDecision';

const now = new Date(2024, 5, 1, 12, 0).getTime();

const snapshot = (id: string, unread: number, muted = false): ConversationSnapshot => ({
  id,
  title: id.toUpperCase(),
  muted,
  unread,
  lastMessage: { preview: `hello from ${id}`, sentAt: now, outgoing: false },
});

describe('message notifier', () => {
  it('shows one notification per conversation with news, and a click opens it', () => {
    const show = vi.fn();
    const openConversation = vi.fn();
    const notify = createMessageNotifier({
      settings: () => defaultSettings,
      isWindowFocused: () => false,
      now: () => now,
      show,
      openConversation,
    });
    notify([
      { previous: snapshot('a', 0), current: snapshot('a', 1) },
      { previous: snapshot('b', 3), current: snapshot('b', 3) },
      { previous: snapshot('c', 0), current: snapshot('c', 2, true) },
    ]);
    expect(show).toHaveBeenCalledOnce();
    const [id, content, onClick] = show.mock.calls[0] as [string, unknown, () => void];
    expect(id).toBe('a');
    expect(content).toEqual({ title: 'A', body: 'hello from a', silent: false });
    onClick();
    expect(openConversation).toHaveBeenCalledWith('a');
  });

  it('reads the settings and focus at the time of the change', () => {
    const show = vi.fn();
    let settings = defaultSettings;
    let focused = true;
    const notify = createMessageNotifier({
      settings: () => settings,
      isWindowFocused: () => focused,
      now: () => now,
      show,
      openConversation: vi.fn(),
    });
    const change = [{ previous: snapshot('a', 0), current: snapshot('a', 1) }];
    notify(change);
    focused = false;
    settings = { ...defaultSettings, doNotDisturb: { enabled: true, from: '11:00', to: '13:00' } };
    notify(change);
    expect(show).not.toHaveBeenCalled();
    settings = defaultSettings;
    notify(change);
    expect(show).toHaveBeenCalledOnce();
  });
});
