import { describe, expect, it } from 'vitest';
import { buildRows, firstUnreadId } from '../../../../../renderer/src/features/chats/messages/buildRows';
import { textMessage } from '../../../messageFixture';

const day1 = new Date(2025, 0, 2, 9, 0).getTime();
const day2 = new Date(2025, 0, 3, 9, 0).getTime();

const messages = [
  textMessage({ id: 'a', seq: 1, sentAt: day1 }),
  textMessage({ id: 'b', seq: 2, sentAt: day1 + 60_000, outgoing: false }),
  textMessage({ id: 'c', seq: 3, sentAt: day2, outgoing: false }),
  textMessage({ id: 'd', seq: 4, sentAt: day2 + 60_000 }),
  textMessage({ id: 'e', seq: 5, sentAt: day2 + 120_000, outgoing: false }),
];

describe('buildRows', () => {
  it('keys rows by message and hangs the separator of a new day below the day before', () => {
    const rows = buildRows(messages, null, false);
    expect(rows.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(rows.map((r) => r.dayAfter)).toEqual([null, day2, null, null, null]);
    expect(rows[0]?.dayBefore).toBeNull();
  });

  it('shows the first day only once no older history is left', () => {
    expect(buildRows(messages, null, true)[0]?.dayBefore).toBe(day1);
  });

  it('leaves the rows already loaded unchanged when an older page of the same day is prepended', () => {
    const before = buildRows(messages.slice(1), null, false);
    const after = buildRows(messages, null, false);
    expect(after.slice(1)).toEqual(before);
  });

  it('puts the new-messages divider before the first of the unread incoming messages', () => {
    expect(firstUnreadId(messages, 2)).toBe('c');
    expect(firstUnreadId(messages, 0)).toBeNull();
    expect(firstUnreadId(messages, 10)).toBe('b');
    expect(buildRows(messages, 'c', false).map((r) => r.newBefore)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });
});
