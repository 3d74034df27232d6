import type { Contact, FriendRequest } from '../../../../shared/ipc';
import type { FriendActionName } from '../../../../shared/protocol';
import type { ContactRepository } from './contactRepository';
import { isListed, toContact, toFriendRequest } from './contactRows';

/** One change between the user and a peer: a `friend` inbox event, or the answer to a command made here. */
export type FriendChange = Readonly<{
  action: FriendActionName;
  peerId: string;
  message?: string;
  at: number;
}>;

/** What a transaction changed, for the events the UI gets. */
export type FriendChanges = Readonly<{
  /** Listed contacts (friends, blocked users) that appeared or changed. */
  contacts: Contact[];
  /** Users that are no longer listed. */
  removed: string[];
  /** The whole pending list, when it changed. */
  requests: FriendRequest[] | null;
  /** Users known only by id: the host fetches their profiles. */
  missingProfiles: string[];
}>;

export type FriendJournal = Readonly<{
  /** Applies one change idempotently (inside the caller's transaction). */
  apply(change: FriendChange, now: number): void;
  /** Notes that a peer's row may change by other means (profile, reconcile). */
  touch(peerId: string, changed: boolean): void;
  requestsChanged(): void;
  /** What changed since the last take (null: nothing), and starts over. */
  take(): FriendChanges | null;
}>;

/**
 * Applies friend changes and remembers, per peer, whether it was listed before the first
 * change, so one batch reports each contact once: changed, or removed.
 */
export function createFriendJournal(repo: ContactRepository): FriendJournal {
  const wasListed = new Map<string, boolean>();
  const changed = new Set<string>();
  let requests = false;

  const touch = (peerId: string, didChange: boolean): void => {
    if (!wasListed.has(peerId)) {
      const row = repo.byId(peerId);
      wasListed.set(peerId, row !== null && isListed(row));
    }
    if (didChange) changed.add(peerId);
  };

  return Object.freeze({
    touch,
    requestsChanged: () => void (requests = true),
    apply({ action, peerId, message, at }: FriendChange, now: number): void {
      touch(peerId, false);
      repo.ensure(peerId, now);
      let rowChanged = false;
      let requestChanged = false;
      switch (action) {
        case 'request-sent':
          requestChanged = repo.putRequest(peerId, 'outgoing', message ?? '', at);
          break;
        case 'request-received':
          requestChanged = repo.putRequest(peerId, 'incoming', message ?? '', at);
          break;
        case 'added':
          requestChanged = repo.dropRequest(peerId);
          rowChanged = repo.setFriend(peerId, at, now);
          break;
        case 'rejected':
          requestChanged = repo.dropRequest(peerId);
          break;
        case 'deleted':
          requestChanged = repo.dropRequest(peerId);
          rowChanged = repo.unfriend(peerId, at, now);
          break;
        case 'blocked':
          rowChanged = repo.setBlocked(peerId, true, at, now);
          break;
        case 'unblocked':
          rowChanged = repo.setBlocked(peerId, false, at, now);
          break;
      }
      if (rowChanged) changed.add(peerId);
      if (requestChanged) requests = true;
    },
    take(): FriendChanges | null {
      const contacts: Contact[] = [];
      const removed: string[] = [];
      const missingProfiles: string[] = [];
      for (const [peerId, listedBefore] of wasListed) {
        const row = repo.byId(peerId);
        const listed = row !== null && isListed(row);
        if (row && listed && (!listedBefore || changed.has(peerId))) contacts.push(toContact(row));
        if (listedBefore && !listed) removed.push(peerId);
        if (row && row.username === '') missingProfiles.push(peerId);
      }
      const list = requests ? repo.requests().map(toFriendRequest) : null;
      wasListed.clear();
      changed.clear();
      requests = false;
      if (contacts.length === 0 && removed.length === 0 && list === null && missingProfiles.length === 0)
        return null;
      return { contacts, removed, requests: list, missingProfiles };
    },
  });
}
