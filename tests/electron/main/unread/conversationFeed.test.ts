import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../../shared/ipc';
import type { EngineEvent, EngineHost } from '../../../../electron/core';
import { followConversations } from '../../../../electron/main/unread/conversationFeed';
import { createConversationTracker } from '../../../../electron/main/unread/conversationTracker';
import { conversation, engineEvent } from '../helpers/conversations';

function fakeEngine(list: () => unknown) {
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine: EngineHost = {
    dispatch: vi.fn((channel: string) =>
      Promise.resolve(channel === 'conversations:list' ? (list() as never) : fail('internal')),
    ),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notifySystem: vi.fn(),
    close: vi.fn(async () => {}),
  };
  return {
    engine,
    emit: (event: EngineEvent) => listeners.forEach((listener) => listener(event)),
    listeners,
  };
}

describe('followConversations', () => {
  it('loads the list at start without notifying, then follows live changes', async () => {
    const { engine, emit, listeners } = fakeEngine(() => ok([conversation('a', { unread: 2 })]));
    const onTotal = vi.fn();
    const onChanges = vi.fn();
    const stop = followConversations(engine, createConversationTracker(), {
      onTotal,
      onChanges,
      onError: vi.fn(),
    });
    await vi.waitFor(() => expect(onTotal).toHaveBeenLastCalledWith(2));
    expect(onChanges).not.toHaveBeenCalled();

    emit(engineEvent('conversations:changed', { conversations: [conversation('a', { unread: 3 })] }));
    expect(onTotal).toHaveBeenLastCalledWith(3);
    expect(onChanges).toHaveBeenCalledOnce();
    expect(onChanges.mock.calls[0]?.[0]).toMatchObject([{ previous: { unread: 2 }, current: { unread: 3 } }]);

    emit(engineEvent('conversations:removed', { conversationIds: ['a'] }));
    expect(onTotal).toHaveBeenLastCalledWith(0);
    emit(engineEvent('messages:changed', { conversationId: 'a', messages: [] }));
    expect(onTotal).toHaveBeenCalledTimes(3);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('clears on sign-out and reloads after the next sign-in', async () => {
    let answer: unknown = fail('not-logged-in');
    const { engine, emit } = fakeEngine(() => answer);
    const onTotal = vi.fn();
    followConversations(engine, createConversationTracker(), {
      onTotal,
      onChanges: vi.fn(),
      onError: vi.fn(),
    });
    await vi.waitFor(() => expect(onTotal).toHaveBeenLastCalledWith(0));

    answer = ok([conversation('a', { unread: 4 })]);
    emit(engineEvent('connection:changed', { status: 'connecting', mode: 'tidings' }));
    await vi.waitFor(() => expect(onTotal).toHaveBeenLastCalledWith(4));
    emit(engineEvent('connection:changed', { status: 'online', mode: 'tidings' }));
    expect(engine.dispatch).toHaveBeenCalledTimes(2);

    emit(engineEvent('connection:changed', { status: 'signed-out' }));
    expect(onTotal).toHaveBeenLastCalledWith(0);
  });

  it('reports a list that fails to load', async () => {
    const { engine } = fakeEngine(() => {
      throw new Error('store closed');
    });
    const onError = vi.fn();
    followConversations(engine, createConversationTracker(), {
      onTotal: vi.fn(),
      onChanges: vi.fn(),
      onError,
    });
    await vi.waitFor(() =>
      expect(onError).toHaveBeenCalledWith('conversations-reload-failed', expect.any(Error)),
    );
  });
});
