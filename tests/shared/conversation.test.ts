import { describe, expect, it } from 'vitest';
import { directConversationId, directPeer } from '../../shared/protocol';

describe('direct conversation ids', () => {
  it('is the same from both sides', () => {
    expect(directConversationId('10', '9')).toBe(directConversationId('9', '10'));
  });
  it('names the peer, and nobody for a stranger', () => {
    const id = directConversationId('alice', 'bob');
    expect(directPeer(id, 'alice')).toBe('bob');
    expect(directPeer(id, 'bob')).toBe('alice');
    expect(directPeer(id, 'carol')).toBeNull();
    expect(directPeer('g:1', 'alice')).toBeNull();
  });
});
