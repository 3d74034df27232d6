import { describe, expect, it, vi } from 'vitest';
import { createNavigationInbox } from '../../../../electron/main/deepLinks/navigationInbox';

describe('navigation inbox', () => {
  it('keeps the latest navigation until the page takes it, ringing on each', () => {
    const ring = vi.fn();
    const inbox = createNavigationInbox(ring);
    expect(inbox.take()).toBeNull();
    inbox.push({ kind: 'conversation', conversationId: 'd:a:b' });
    inbox.push({ kind: 'addFriend', username: 'ada' });
    expect(ring).toHaveBeenCalledTimes(2);
    expect(inbox.take()).toEqual({ kind: 'addFriend', username: 'ada' });
    expect(inbox.take()).toBeNull();
  });
});
