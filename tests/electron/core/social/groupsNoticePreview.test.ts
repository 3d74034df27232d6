import { describe, expect, it } from 'vitest';
import { messagePreview } from '../../../../electron/core/domain/preview';
import { groupNoticePreview } from '../../../../electron/core/social/groups/noticePreview';

describe('group notices in the conversation list', () => {
  it('keep a marker the UI translates, followed by the new name or announcement', () => {
    expect(messagePreview('notice', { event: 'group-renamed', actorId: 'u1', text: 'Summit' })).toBe(
      '[notice:group-renamed] Summit',
    );
    expect(messagePreview('notice', { event: 'member-quit', actorId: 'u2' })).toBe('[notice:member-quit]');
    expect(groupNoticePreview({ event: 'group-notice', text: '  ' })).toBe('[notice:group-notice]');
  });

  it('keep the marker when a long announcement is cut', () => {
    const preview = messagePreview('notice', { event: 'group-notice', text: '公告'.repeat(100) });
    expect(preview.startsWith('[notice:group-notice] 公告')).toBe(true);
    expect(preview.endsWith('…')).toBe(true);
  });

  it('leaves other notices to the generic label', () => {
    expect(groupNoticePreview({ event: 'recall' })).toBeNull();
    expect(messagePreview('notice', { event: 'something-new' })).toBe('[notice]');
  });
});
