import type { Contact, EventName, EventPayloadOf, FriendRequest, Presence } from '../../../../shared/ipc';
import { waitFor } from '../../../helpers/serverProcess';
import type { EngineClient } from '../helpers/engineClient';

/** Every payload of one event an engine emitted so far. */
export function payloads<E extends EventName>(client: EngineClient, name: E): EventPayloadOf<E>[] {
  return client.events.flatMap((e) => (e.name === name ? [e.payload as EventPayloadOf<E>] : []));
}

/** The newest pending-request list an engine announced (null before any). */
export function lastRequests(client: EngineClient): FriendRequest[] | null {
  return payloads(client, 'friends:requestsChanged').at(-1)?.requests ?? null;
}

/** Waits until `contacts:changed` carried a contact matching `check`. */
export function waitForContactEvent(
  client: EngineClient,
  check: (contact: Contact) => boolean,
  what: string,
): Promise<Contact> {
  return waitFor(
    () =>
      payloads(client, 'contacts:changed')
        .flatMap((p) => p.contacts)
        .find(check),
    {
      timeoutMs: 30_000,
      what,
    },
  );
}

export function waitForRemoved(client: EngineClient, userId: string, what: string): Promise<true> {
  return waitFor(() => payloads(client, 'contacts:removed').some((p) => p.userIds.includes(userId)) || null, {
    timeoutMs: 30_000,
    what,
  }).then(() => true);
}

export function waitForPresence(
  client: EngineClient,
  check: (presence: Presence) => boolean,
  what: string,
): Promise<Presence> {
  return waitFor(
    () =>
      payloads(client, 'presence:changed')
        .flatMap((p) => p.users)
        .find(check),
    {
      timeoutMs: 30_000,
      what,
    },
  );
}

/** Waits until `contacts:list` satisfies `check` (the list is read from the engine's store). */
export function waitForContacts(
  client: EngineClient,
  check: (contacts: Contact[]) => boolean,
  what: string,
): Promise<Contact[]> {
  return waitFor(
    async () => {
      const list = await client.call('contacts:list', {});
      return check(list) ? list : null;
    },
    { timeoutMs: 30_000, what },
  );
}

export function waitForRequests(
  client: EngineClient,
  check: (requests: FriendRequest[]) => boolean,
  what: string,
): Promise<FriendRequest[]> {
  return waitFor(
    async () => {
      const list = await client.call('friends:requests', {});
      return check(list) ? list : null;
    },
    { timeoutMs: 30_000, what },
  );
}

export async function waitOnline(client: EngineClient): Promise<void> {
  await waitFor(async () => (await client.call('connection:get', {})).status === 'online', {
    timeoutMs: 30_000,
    what: `${client.dataDir} online`,
  });
}
