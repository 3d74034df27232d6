import type { Account, Conversation } from '../../shared/ipc/models';

export const alice: Account = {
  userId: 'u1',
  username: 'alice',
  displayName: 'Alice',
  serverUrl: 'http://127.0.0.1:7700',
  mode: 'tidings',
};

/** A one-to-one conversation with Bob; override what a test is about. */
export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'd:u1:u2',
    kind: 'direct',
    group: null,
    title: 'Bob',
    peer: { userId: 'u2', username: 'bob', displayName: 'Bob' },
    lastMessage: null,
    unread: 0,
    updatedAt: 1_000,
    draft: '',
    pinned: false,
    muted: false,
    mentioned: false,
    ...overrides,
  };
}
