import { describe, expect, it } from 'vitest';
import { createConversationTracker, toSnapshot } from '../../../../electron/main/unread/conversationTracker';
import { conversation } from '../helpers/conversations';

describe('conversation tracker', () => {
  it('totals unread messages, leaving muted conversations out', () => {
    const tracker = createConversationTracker();
    tracker.reset([
      conversation('a', { unread: 2 }),
      conversation('b', { unread: 5, muted: true }),
      conversation('c', { unread: 1 }),
    ]);
    expect(tracker.totalUnread()).toBe(3);
  });

  it('returns each change with what the conversation was before', () => {
    const tracker = createConversationTracker();
    tracker.reset([conversation('a', { unread: 1 })]);
    const changes = tracker.apply([conversation('a', { unread: 3 }), conversation('new', { unread: 1 })]);
    expect(
      changes.map((change) => [change.current.id, change.previous?.unread, change.current.unread]),
    ).toEqual([
      ['a', 1, 3],
      ['new', undefined, 1],
    ]);
    expect(tracker.totalUnread()).toBe(4);
    expect(tracker.get('new')?.unread).toBe(1);
  });

  it('forgets removed conversations, and everything on clear', () => {
    const tracker = createConversationTracker();
    tracker.reset([conversation('a', { unread: 1 }), conversation('b', { unread: 2 })]);
    tracker.remove(['a', 'unknown']);
    expect(tracker.totalUnread()).toBe(2);
    tracker.clear();
    expect(tracker.totalUnread()).toBe(0);
    expect(tracker.get('b')).toBeUndefined();
  });

  it('skips malformed entries and reads a missing mute as not muted', () => {
    const tracker = createConversationTracker();
    tracker.reset([
      { id: 'x' },
      null,
      'junk',
      conversation('a', { unread: -1 }),
      conversation('b', { unread: 4 }),
    ]);
    expect(tracker.totalUnread()).toBe(4);
    const { muted: _muted, ...withoutMute } = conversation('c', { unread: 1 });
    expect(toSnapshot(withoutMute)?.muted).toBe(false);
  });
});
