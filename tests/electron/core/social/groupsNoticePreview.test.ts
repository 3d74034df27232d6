import { describe, expect, it } from 'vitest';
import { messagePreview } from '../../../../electron/core/domain/preview';
import { groupNoticePreview } from '../../../../electron/core/social/groups/noticePreview';

describe('group notices in the conversation list', () => {
  it('says what happened, with the new name or announcement', () => {
    expect(messagePreview('notice', { event: 'group-renamed', actorId: 'u1', text: 'Summit' })).toBe(
      '[Group renamed: Summit]',
    );
    expect(messagePreview('notice', { event: 'member-quit', actorId: 'u2' })).toBe('[A member left]');
    expect(groupNoticePreview({ event: 'group-notice', text: '  ' })).toBe('[New announcement]');
  });

  it('leaves other notices to the generic label', () => {
    expect(groupNoticePreview({ event: 'recall' })).toBeNull();
    expect(messagePreview('notice', { event: 'something-new' })).toBe('[notice]');
  });
});
