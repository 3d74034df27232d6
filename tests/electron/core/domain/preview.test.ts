import { describe, expect, it } from 'vitest';
import { messagePreview } from '../../../../electron/core/domain/preview';

describe('messagePreview', () => {
  it('shows text on one line and names kinds it cannot show', () => {
    expect(messagePreview('text', { text: '  你好\n\nbob 👋 ' })).toBe('你好 bob 👋');
    expect(messagePreview('sticker', { id: 7 })).toBe('[sticker]');
  });

  it('shortens long text without splitting an emoji', () => {
    const preview = messagePreview('text', { text: '👋'.repeat(200) });
    expect(preview.endsWith('…')).toBe(true);
    expect(Array.from(preview.slice(0, -1)).every((c) => c === '👋')).toBe(true);
  });
});
