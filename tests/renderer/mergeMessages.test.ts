import { describe, expect, it } from 'vitest';
import { mergeMessages } from '../../renderer/src/state/mergeMessages';
import { textMessage } from './messageFixture';

describe('mergeMessages', () => {
  it('orders by server sequence, with not-yet-numbered messages last by send time', () => {
    const merged = mergeMessages(
      [],
      [
        textMessage({ id: 'c', seq: null, sentAt: 50, status: 'sending' }),
        textMessage({ id: 'b', seq: 2, sentAt: 300 }),
        textMessage({ id: 'd', seq: null, sentAt: 40, status: 'sending' }),
        textMessage({ id: 'a', seq: 1, sentAt: 400 }),
      ],
    );
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('replaces a message by id and moves it into place once it has a sequence', () => {
    const pending = textMessage({ id: 'x', seq: null, sentAt: 10, status: 'sending' });
    const other = textMessage({ id: 'y', seq: 5, sentAt: 20, outgoing: false, status: 'received' });
    const merged = mergeMessages([other, pending], [{ ...pending, seq: 4, status: 'sent' }]);

    expect(merged.map((m) => [m.id, m.seq, m.status])).toEqual([
      ['x', 4, 'sent'],
      ['y', 5, 'received'],
    ]);
  });

  it('never moves a status back when a stale reply arrives after the event', () => {
    const sent = textMessage({ id: 'x', seq: 3, status: 'sent' });
    const staleReply = textMessage({ id: 'x', seq: null, status: 'sending' });

    expect(mergeMessages([sent], [staleReply])).toEqual([sent]);
    expect(mergeMessages([textMessage({ id: 'x', status: 'read' })], [sent])[0]?.status).toBe('read');
  });

  it('lets a failed message go back to sending (a retry)', () => {
    const failed = textMessage({ id: 'x', seq: null, status: 'failed' });
    expect(mergeMessages([failed], [{ ...failed, status: 'sending' }])[0]?.status).toBe('sending');
  });
});
