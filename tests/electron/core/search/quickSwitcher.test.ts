import { describe, expect, it } from 'vitest';
import { createQuickSwitcher } from '../../../../electron/core/search/switcher/quickSwitcher';

function people() {
  const s = createQuickSwitcher();
  s.upsertContact({ userId: 'u1', username: 'zhangsan', displayName: '张三' });
  s.upsertContact({ userId: 'u2', username: 'lisi', displayName: '李四', remark: '老同学' });
  s.upsertContact({ userId: 'u3', username: 'alice', displayName: 'Alice Wonderland' });
  s.upsertContact({ userId: 'u4', username: 'zengxx', displayName: '曾小贤' });
  s.upsertContact({ userId: 'u5', username: 'lvbu', displayName: '吕布' });
  s.upsertContact({ userId: 'u6', username: 'jon', displayName: 'Jonathan Smith' });
  s.upsertContact({ userId: 'u7', username: 'zhangsanfeng', displayName: '张三丰' });
  s.upsertGroup({ id: 'g1', name: '周末爬山群' });
  return s;
}

const ids = (entries: ReadonlyArray<{ id: string }>) => entries.map((e) => e.id);

describe('quick switcher', () => {
  it('finds 张三 by pinyin initials, full pinyin, a pinyin prefix and the characters', () => {
    const s = people();
    for (const query of ['zs', 'zhangsan', 'zhang', 'zhangs', '张三', '张', 'ZhangSan']) {
      expect(ids(s.search(query, 10)), query).toContain('u1');
    }
    // Only people whose names read that way.
    expect(ids(s.search('zs', 10))).not.toContain('u2');
  });

  it('matches mixed input: characters and pinyin together', () => {
    const s = people();
    expect(ids(s.search('张s', 10))).toContain('u1');
    expect(ids(s.search('zhang三', 10))).toContain('u1');
  });

  it('matches remarks, in characters and in pinyin, and usernames', () => {
    const s = people();
    expect(ids(s.search('老同学', 10))).toEqual(['u2']);
    expect(ids(s.search('ltx', 10))).toEqual(['u2']);
    expect(ids(s.search('lisi', 10))).toEqual(['u2']);
    expect(s.search('老同学', 10)[0]?.subtitle).toBe('老同学');
  });

  it('reads a surname as a surname and accepts v or u for ü', () => {
    const s = people();
    expect(ids(s.search('zengxiaoxian', 10))).toContain('u4');
    expect(ids(s.search('zxx', 10))).toContain('u4');
    expect(ids(s.search('lvbu', 10))).toContain('u5');
    expect(ids(s.search('lubu', 10))).toContain('u5');
  });

  it('finds groups by name and pinyin', () => {
    const s = people();
    expect(s.search('爬山', 10)[0]).toMatchObject({ kind: 'group', id: 'g1', conversationId: 'g1' });
    expect(ids(s.search('zmpsq', 10))).toEqual(['g1']);
  });

  it('tolerates typos in Latin names, but not on one or two letters', () => {
    const s = people();
    expect(ids(s.search('alcie', 10))).toContain('u3');
    expect(ids(s.search('jonathon', 10))).toContain('u6');
    expect(ids(s.search('wonderlnd', 10))).toContain('u3');
    expect(ids(s.search('xq', 10))).toEqual([]);
  });

  it('ranks prefix matches first, then by recent activity, and follows changes live', () => {
    const s = people();
    expect(ids(s.search('zhangsan', 10)).slice(0, 2).sort()).toEqual(['u1', 'u7']);
    s.upsertConversation({
      id: 'd:me:u7',
      kind: 'direct',
      group: null,
      title: '张三丰',
      peer: { userId: 'u7', username: 'zhangsanfeng', displayName: '张三丰' },
      lastMessage: { preview: 'hi', sentAt: 5_000, outgoing: false },
      unread: 0,
      updatedAt: 5_000,
      draft: '',
      pinned: false,
      muted: false,
      mentioned: false,
    });
    s.upsertConversation({
      id: 'd:me:u1',
      kind: 'direct',
      group: null,
      title: '张三',
      peer: { userId: 'u1', username: 'zhangsan', displayName: '张三' },
      lastMessage: { preview: 'hi', sentAt: 1_000, outgoing: false },
      unread: 0,
      updatedAt: 1_000,
      draft: '',
      pinned: false,
      muted: false,
      mentioned: false,
    });
    expect(ids(s.search('zs', 10)).slice(0, 2)).toEqual(['u7', 'u1']);
    s.noteActivity('d:me:u1', 9_000);
    expect(ids(s.search('zs', 10)).slice(0, 2)).toEqual(['u1', 'u7']);
    expect(s.search('zs', 10)[0]).toMatchObject({ conversationId: 'd:me:u1', lastActiveAt: 9_000 });

    s.upsertContact({ userId: 'u1', username: 'zhangsan', displayName: '王五' });
    expect(ids(s.search('wangwu', 10))).toEqual(['u1']);
    expect(ids(s.search('zhangsan', 10))).toContain('u1'); // still the username
    expect(ids(s.search('王五', 10))).toEqual(['u1']);
    s.removeContact('u1');
    expect(ids(s.search('wangwu', 10))).toEqual([]);
    expect(s.size).toBe(7);
  });

  it('lists the most recently active entries for an empty query', () => {
    const s = people();
    s.noteActivity('g1', 100);
    s.upsertGroup({ id: 'g1', name: '周末爬山群' });
    expect(s.search('', 3)[0]?.id).toBe('g1');
  });
  it("names a peer by the conversation's newest view until the contact list names them", () => {
    const s = createQuickSwitcher();
    const conversation = (displayName: string) => ({
      id: 'd:me:u9',
      kind: 'direct' as const,
      group: null,
      title: displayName,
      peer: { userId: 'u9', username: 'alice', displayName },
      lastMessage: null,
      unread: 0,
      updatedAt: 1_000,
      draft: '',
      pinned: false,
      muted: false,
      mentioned: false,
    });
    // The engine shows a user id until the peer's profile arrives.
    s.upsertConversation(conversation('u9'));
    s.upsertConversation(conversation('爱丽丝'));
    expect(s.search('ailisi', 10)[0]).toMatchObject({ id: 'u9', title: '爱丽丝' });
    s.upsertContact({ userId: 'u9', username: 'alice', displayName: 'Alice W.' });
    s.upsertConversation(conversation('爱丽丝'));
    expect(s.search('alice', 10)[0]).toMatchObject({ id: 'u9', title: 'Alice W.' });
  });
});
