import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../shared/ipc';
import type { SearchProgress } from '../../../../shared/ipc/channels/search';
import { noopLogger } from '../../../../electron/core/deps/logger';
import type { EngineEvent } from '../../../../electron/core/engineHost';
import { createEventHub } from '../../../../electron/core/events/eventHub';
import { createSearchContext } from '../../../../electron/core/search/ipc/searchContext';
import { createSearchExtension } from '../../../../electron/core/search/worker/searchExtension';
import type { Session } from '../../../../electron/core/session/session';
import { useTempDirs } from '../helpers/tempDirs';
import { openSearchFixture, type SearchFixture } from './helpers/searchFixture';

const newDir = useTempDirs('tidings-search-ctx-');
let f: SearchFixture;
beforeAll(() => {
  f = openSearchFixture(newDir(), { count: 300, seed: 5, conversations: 8 });
});
afterAll(() => f.close());

const conversation = (id: string, username: string, displayName: string, sentAt: number): Conversation => ({
  id,
  kind: 'direct',
  group: null,
  title: displayName,
  peer: { userId: `id-${username}`, username, displayName },
  lastMessage: { preview: 'hi', sentAt, outgoing: false },
  unread: 0,
  updatedAt: sentAt,
  draft: '',
  pinned: false,
  muted: false,
  mentioned: false,
});

describe('search for the signed-in session (the handler table glue)', () => {
  it('starts the index on the first engine event, forwards progress, and keeps the switcher live', async () => {
    const extension = createSearchExtension();
    const operations = extension.operations ?? {};
    // The session's store as the engine has it: extension calls run in the store's worker.
    const store = {
      extension: (name: string, operation: string, args: unknown) =>
        name === 'search' && operations[operation]
          ? Promise.resolve(operations[operation](f.db, args))
          : Promise.reject(new Error(`${name}.${operation}`)),
      listConversations: () => Promise.resolve([conversation('d:me:zs', 'zhangsan', '张三', 1_000)]),
    };
    const session = { store } as unknown as Session;
    const events = createEventHub(noopLogger);
    const seen: EngineEvent[] = [];
    events.subscribe((event) => seen.push(event));
    const search = createSearchContext({
      sessions: { current: () => session, require: () => Promise.resolve(session) } as never,
      events,
      deps: { logger: noopLogger } as never,
    });

    events.emit({
      name: 'conversations:changed',
      payload: { conversations: [conversation('d:me:ls', 'lisi', '李四', 2_000)] },
    });
    const deadline = Date.now() + 30_000;
    while (!seen.some((e) => e.name === 'search:progress')) {
      if (Date.now() > deadline) throw new Error('no progress event');
      await new Promise((resolve) => setImmediate(resolve));
    }
    const progress = seen.find((e) => e.name === 'search:progress')?.payload as SearchProgress;
    expect(progress.state).toBe('ready');

    const switcher = await search.handlers.switcher();
    expect(switcher.search('ls', 5).map((e) => e.id)).toEqual(['id-lisi']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(switcher.search('zs', 5).map((e) => e.id)).toEqual(['id-zhangsan']);

    events.emit({ name: 'messages:changed', payload: { conversationId: 'd:me:zs', messages: [] } });
    const backend = await search.handlers.backend();
    const page = await backend.messages({
      query: '我们',
      asYouType: false,
      filters: {},
      beforeKey: null,
      limit: 3,
    });
    expect(page.hits.length).toBeGreaterThan(0);
    expect(search.forSession(session).backend).toBe(backend);
    search.close();
  });
});
