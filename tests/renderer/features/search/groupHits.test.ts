import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../shared/ipc/channels/search';
import { groupHits } from '../../../../renderer/src/features/search/groupHits';
import { textMessage } from '../../messageFixture';

const hit = (conversationId: string, id: string): SearchHit => ({
  conversation: { id: conversationId, title: conversationId.toUpperCase() },
  message: textMessage({ id, conversationId }),
  text: 'hello',
  ranges: [],
});

describe('groupHits', () => {
  it('groups by conversation in the order each conversation first appears', () => {
    const groups = groupHits([hit('a', '1'), hit('b', '2'), hit('a', '3'), hit('c', '4'), hit('b', '5')]);
    expect(groups.map((g) => [g.conversation.id, g.hits.map((h) => h.message.id)])).toEqual([
      ['a', ['1', '3']],
      ['b', ['2', '5']],
      ['c', ['4']],
    ]);
  });
});
