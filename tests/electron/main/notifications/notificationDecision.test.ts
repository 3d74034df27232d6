import { describe, expect, it } from 'vitest';
import {
  STALE_AFTER_MS,
  decideNotification,
  type ConversationSnapshot,
  type NotificationInput,
} from '../../../../electron/main/notifications/notificationDecision';
import { defaultSettings } from '../../../../electron/main/settings/shellSettings';

const now = 1_700_000_000_000;
const noon = 12 * 60;

function conversation(patch: Partial<ConversationSnapshot> = {}): ConversationSnapshot {
  return {
    id: 'd:a:b',
    title: 'Ada',
    muted: false,
    unread: 1,
    lastMessage: { preview: 'See you at 8?', sentAt: now - 1000, outgoing: false },
    ...patch,
  };
}

function input(patch: Partial<NotificationInput> = {}): NotificationInput {
  return {
    previous: conversation({ unread: 0 }),
    current: conversation(),
    windowFocused: false,
    settings: defaultSettings,
    now,
    minuteOfDay: noon,
    ...patch,
  };
}

const reason = (decision: ReturnType<typeof decideNotification>): string =>
  decision.show ? 'show' : decision.reason;

describe('decideNotification', () => {
  it('announces a new incoming message with sender and text', () => {
    expect(decideNotification(input())).toEqual({
      show: true,
      conversationId: 'd:a:b',
      title: 'Ada',
      body: 'See you at 8?',
      silent: false,
    });
  });

  it('says a group changed instead of showing a notice marker meant for the page', () => {
    const current = conversation({
      id: 'g:7',
      title: 'Hiking',
      lastMessage: { preview: '[notice:member-quit]', sentAt: now - 1000, outgoing: false },
    });
    expect(decideNotification(input({ current }))).toMatchObject({ show: true, body: 'The group changed' });
  });

  it('announces a conversation it had not seen, such as a first message from someone', () => {
    expect(reason(decideNotification(input({ previous: undefined })))).toBe('show');
  });

  it('stays quiet when nothing new arrived', () => {
    expect(reason(decideNotification(input({ previous: conversation({ unread: 1 }) })))).toBe('nothing-new');
    expect(reason(decideNotification(input({ current: conversation({ unread: 0 }) })))).toBe('nothing-new');
    const own = conversation({ unread: 2, lastMessage: { preview: 'mine', sentAt: now, outgoing: true } });
    expect(reason(decideNotification(input({ current: own })))).toBe('nothing-new');
    expect(reason(decideNotification(input({ current: conversation({ lastMessage: null }) })))).toBe(
      'nothing-new',
    );
  });

  it('leaves old messages synced late to the badge', () => {
    const late = conversation({
      lastMessage: { preview: 'x', sentAt: now - STALE_AFTER_MS - 1, outgoing: false },
    });
    expect(reason(decideNotification(input({ current: late })))).toBe('stale');
  });

  it('does not interrupt someone looking at the window', () => {
    expect(reason(decideNotification(input({ windowFocused: true })))).toBe('focused');
  });

  it('respects notifications off, a muted conversation and do-not-disturb', () => {
    const off = { ...defaultSettings, notifications: { ...defaultSettings.notifications, enabled: false } };
    expect(reason(decideNotification(input({ settings: off })))).toBe('disabled');
    expect(reason(decideNotification(input({ current: conversation({ muted: true }) })))).toBe('muted');
    const dnd = { ...defaultSettings, doNotDisturb: { enabled: true, from: '22:00', to: '07:00' } };
    expect(reason(decideNotification(input({ settings: dnd, minuteOfDay: 23 * 60 })))).toBe('quiet-hours');
    expect(reason(decideNotification(input({ settings: dnd, minuteOfDay: 3 * 60 })))).toBe('quiet-hours');
    expect(reason(decideNotification(input({ settings: dnd, minuteOfDay: noon })))).toBe('show');
  });

  it('reveals neither sender nor text without preview, and counts a burst', () => {
    const hidden = {
      ...defaultSettings,
      notifications: { ...defaultSettings.notifications, showPreview: false },
    };
    expect(decideNotification(input({ settings: hidden }))).toMatchObject({
      show: true,
      title: 'Tidings',
      body: 'New message',
    });
    expect(
      decideNotification(
        input({
          settings: hidden,
          previous: conversation({ unread: 2 }),
          current: conversation({ unread: 5 }),
        }),
      ),
    ).toMatchObject({ body: '3 new messages' });
  });

  it('is silent without sound, and never shows an empty body', () => {
    const quiet = { ...defaultSettings, notifications: { ...defaultSettings.notifications, sound: false } };
    expect(decideNotification(input({ settings: quiet }))).toMatchObject({ silent: true });
    const empty = conversation({ lastMessage: { preview: '', sentAt: now, outgoing: false } });
    expect(decideNotification(input({ current: empty }))).toMatchObject({ body: 'New message' });
  });
});
