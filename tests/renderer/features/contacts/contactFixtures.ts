import type { Contact, FriendRequest } from '../../../../shared/ipc/channels/contacts';
import type { Account } from '../../../../shared/ipc/models';

export const alice: Account = {
  userId: 'u1',
  username: 'alice',
  displayName: 'Alice',
  serverUrl: 'http://127.0.0.1:7700',
  mode: 'tidings',
};

export function contact(overrides: Partial<Contact> & Pick<Contact, 'userId' | 'displayName'>): Contact {
  return {
    username: overrides.displayName.toLowerCase(),
    remark: '',
    relation: 'friend',
    blocked: false,
    friendsSince: 1_000,
    presence: null,
    ...overrides,
  };
}

export function request(
  overrides: Partial<FriendRequest> & Pick<FriendRequest, 'userId' | 'displayName'>,
): FriendRequest {
  return {
    username: overrides.displayName.toLowerCase(),
    direction: 'incoming',
    message: '',
    at: Date.UTC(2025, 0, 2, 9, 30),
    ...overrides,
  };
}
