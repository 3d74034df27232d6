// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../shared/ipc/channels/search';
import { SearchView } from '../../../../renderer/src/features/search';
import { createChatStore } from '../../../../renderer/src/state/chatStore';
import { fail, ok } from '../../../../shared/ipc/errors';
import type { Account, Conversation } from '../../../../shared/ipc/models';
import { conversation } from '../../conversationFixture';
import { fakeApi } from '../../fakeApi';
import { textMessage } from '../../messageFixture';
import { renderWithProviders } from '../../providers';

afterEach(cleanup);

const me: Account = {
  userId: 'u1',
  username: 'alice',
  displayName: 'Alice',
  serverUrl: 'http://127.0.0.1:7700',
  mode: 'tidings',
};

const direct: Conversation = conversation();
const group: Conversation = {
  ...direct,
  id: 'g:7',
  kind: 'group',
  title: 'Climbers',
  peer: null,
  group: { groupId: '7', memberCount: 3, role: 'member', state: 'member' },
};

function hit(conversation: Conversation, id: string, text: string, word: string, senderId = 'u2'): SearchHit {
  const start = text.indexOf(word);
  return {
    conversation: { id: conversation.id, title: conversation.title },
    message: textMessage({
      id,
      conversationId: conversation.id,
      text,
      senderId,
      outgoing: senderId === 'u1',
    }),
    text,
    ranges: [{ start, end: start + word.length }],
  };
}

type Handlers = Parameters<typeof fakeApi>[0];

function setup(handlers: Handlers) {
  const fake = fakeApi({
    'groups:members': () =>
      ok([
        { userId: 'u1', username: 'alice', displayName: 'Alice', role: 'owner', nickname: '' },
        { userId: 'u3', username: 'carol', displayName: 'Carol', role: 'member', nickname: 'Caz' },
      ]),
    ...handlers,
  });
  const store = createChatStore();
  store.getState().signedIn(me);
  store.getState().conversationsChanged([direct, group]);
  const rendered = renderWithProviders(<SearchView options={{ debounceMs: 0 }} />, { api: fake.api, store });
  return { ...rendered, fake };
}

const searchCalls = (fake: ReturnType<typeof fakeApi>) =>
  fake.calls.filter((c) => c.channel === 'search:messages').map((c) => c.request as Record<string, unknown>);

describe('SearchView', () => {
  it('shows hits grouped by conversation with the matched words in <mark>, text never parsed as HTML', async () => {
    const { fake } = setup({
      'search:messages': () =>
        ok({
          hits: [
            hit(direct, 'm1', '我们明天去北京吧', '北京'),
            hit(group, 'm2', '<b>北京</b> is cold', '北京', 'u3'),
            hit(direct, 'm3', '北京烤鸭', '北京', 'u1'),
          ],
          nextCursor: null,
        }),
    });
    expect(screen.getByTestId('search-status').textContent).toMatch(/Type to search/);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search messages' }), {
      target: { value: '北京' },
    });

    const groups = await screen.findAllByTestId('search-group');
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(['Bob', 'Climbers']);
    const bobHits = within(groups[0] as HTMLElement).getAllByTestId('search-hit');
    expect(bobHits.map((h) => h.dataset.messageId)).toEqual(['m1', 'm3']);
    expect(bobHits[0]?.querySelector('mark')?.textContent).toBe('北京');
    expect(bobHits[0]?.textContent).toContain('Bob');
    expect(bobHits[1]?.textContent).toContain('You');

    const groupHit = within(groups[1] as HTMLElement).getByTestId('search-hit');
    expect(groupHit.querySelector('b')).toBeNull();
    expect(within(groupHit).getByTestId('search-snippet').textContent).toBe('<b>北京</b> is cold');
    // The member's group nickname, fetched for the group that appeared in the results.
    await waitFor(() => expect(groupHit.textContent).toContain('Caz'));

    expect(searchCalls(fake)[0]).toMatchObject({ query: '北京', asYouType: true, filters: {} });
  });

  it('loads the next page with the cursor when the list is scrolled near its end, and says when there is no more', async () => {
    const { fake } = setup({
      'search:messages': (request) =>
        request.cursor === undefined
          ? ok({ hits: [hit(direct, 'p1', 'tea time', 'tea')], nextCursor: 'c-2' })
          : ok({ hits: [hit(group, 'p2', 'more tea', 'tea', 'u3')], nextCursor: null }),
    });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'tea' } });
    await screen.findByTestId('search-load-more');

    const list = screen.getByTestId('search-results');
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 1000 });
    Object.defineProperty(list, 'clientHeight', { configurable: true, value: 400 });
    list.scrollTop = 500;
    fireEvent.scroll(list);

    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(2));
    expect(searchCalls(fake)[1]).toMatchObject({ query: 'tea', cursor: 'c-2' });
    expect(screen.queryByTestId('search-load-more')).toBeNull();
    expect(screen.getByText('No more results.')).toBeTruthy();
  });

  it('sends the chosen conversation, sender, kind and date range, and starts over when they change', async () => {
    const { fake } = setup({ 'search:messages': () => ok({ hits: [], nextCursor: null }) });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'plan' } });
    await screen.findByText('No messages match.');

    fireEvent.change(screen.getByTestId('search-filter-conversation'), { target: { value: group.id } });
    // The sender list follows the chosen group: its members, the user first as "You".
    await waitFor(() =>
      expect(
        [...screen.getByTestId<HTMLSelectElement>('search-filter-sender').options].map((o) => o.textContent),
      ).toEqual(['Anyone', 'You', 'Caz']),
    );
    fireEvent.change(screen.getByTestId('search-filter-sender'), { target: { value: 'u3' } });
    fireEvent.change(screen.getByTestId('search-filter-kind'), { target: { value: 'image' } });
    fireEvent.change(screen.getByTestId('search-filter-since'), { target: { value: '2025-01-01' } });
    fireEvent.change(screen.getByTestId('search-filter-until'), { target: { value: '2025-01-31' } });

    await waitFor(() =>
      expect(searchCalls(fake).at(-1)?.filters).toEqual({
        conversationId: group.id,
        senderId: 'u3',
        kind: 'image',
        since: new Date(2025, 0, 1).getTime(),
        until: new Date(2025, 1, 1).getTime() - 1,
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(searchCalls(fake).at(-1)?.filters).toEqual({}));
  });

  it('opens the conversation of a clicked hit with a jump request to that message', async () => {
    const { navigation } = setup({
      'search:messages': () =>
        ok({ hits: [hit(direct, 'm9', 'see you at 北京站', '北京')], nextCursor: null }),
    });
    navigation.getState().go('search');
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '北京' } });
    fireEvent.click(await screen.findByTestId('search-hit'));

    expect(navigation.getState()).toMatchObject({
      view: 'chats',
      conversationId: direct.id,
      jump: { conversationId: direct.id, messageId: 'm9' },
    });
  });

  it('moves between hits with the arrow keys, and stays idle for a blank query', async () => {
    const { fake } = setup({
      'search:messages': () =>
        ok({
          hits: [hit(direct, 'k1', 'tea one', 'tea'), hit(group, 'k2', 'tea two', 'tea', 'u3')],
          nextCursor: null,
        }),
    });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '   ' } });
    expect(screen.getByTestId('search-status').textContent).toMatch(/Type to search/);
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'tea' } });
    const [first, second] = await screen.findAllByTestId('search-hit');
    first?.focus();
    fireEvent.keyDown(first as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second as HTMLElement, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(first);
    expect(searchCalls(fake).map((c) => c.query)).toEqual(['tea']);
  });

  it('drops a late answer to an earlier query', async () => {
    const pending: Array<(value: ReturnType<typeof ok>) => void> = [];
    setup({
      'search:messages': (request) =>
        request.query === 'tea'
          ? new Promise((resolve) => pending.push(resolve as (value: ReturnType<typeof ok>) => void))
          : ok({ hits: [hit(direct, 'new', 'teapot', 'teapot')], nextCursor: null }),
    });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'tea' } });
    await waitFor(() => expect(pending).toHaveLength(1));
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'teapot' } });
    await screen.findByTestId('search-hit');

    await act(async () => {
      pending[0]?.(ok({ hits: [hit(direct, 'old', 'tea', 'tea')], nextCursor: null }));
      await Promise.resolve();
    });
    expect(screen.getAllByTestId('search-hit').map((h) => h.dataset.messageId)).toEqual(['new']);
  });

  it('says why a search failed, in the UI language', async () => {
    setup({ 'search:messages': () => fail('not-logged-in') });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'x' } });
    expect((await screen.findByTestId('search-error')).textContent).toBe('You are not signed in.');
  });

  it('is translated into Chinese', async () => {
    const fake = fakeApi({ 'search:messages': () => ok({ hits: [], nextCursor: null }) });
    renderWithProviders(<SearchView options={{ debounceMs: 0 }} />, { api: fake.api, language: 'zh' });
    expect(screen.getByRole('searchbox', { name: '搜索消息' })).toBeTruthy();
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '北京' } });
    expect(await screen.findByText('没有匹配的消息。')).toBeTruthy();
  });
});
