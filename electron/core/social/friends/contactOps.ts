import type { Contact, FriendRequest, Presence } from '../../../../shared/ipc';
import type { CommandValue, FriendInboxEvent, PresenceState, UserProfile } from '../../../../shared/protocol';
import type { StoreContext } from '../../store/core/context';
import { createContactRepository } from './contactRepository';
import { isListed, toContact, toFriendRequest, toPresence } from './contactRows';
import { createFriendJournal, type FriendChange, type FriendChanges } from './friendJournal';

export type { FriendChange, FriendChanges } from './friendJournal';

export type FriendSnapshot = CommandValue<'friend.list'>;

/** A reconcile is refused when sync moved the inbox cursor meanwhile: the caller asks again. */
export type ReconcileOutcome =
  Readonly<{ stale: true }> | Readonly<{ stale: false; changes: FriendChanges | null }>;

export type PresenceOutcome = Readonly<{ presence: Presence[]; contacts: Contact[] }>;

const INBOX = 'inbox';
const HIDE_LAST_SEEN = 'presence.hideLastSeen';

/** The `friend` events of a sync batch, applied in the batch's transaction (see syncOps). */
export function createFriendSyncApplier(ctx: StoreContext) {
  const journal = createFriendJournal(createContactRepository(ctx.db));
  return Object.freeze({
    apply: (event: FriendInboxEvent, now: number): void => journal.apply(event, now),
    take: (): FriendChanges | null => journal.take(),
  });
}

/** Contacts, friend requests and presence: what the UI lists and what commands made here change. */
export function createContactOps(ctx: StoreContext) {
  const { db, meta } = ctx;
  const repo = createContactRepository(db);
  const journal = createFriendJournal(repo);

  const listContacts = (): Contact[] => repo.listed().map(toContact);

  /** Updates a known user's names in the journal's batch; true if they changed. */
  const recordProfile = (profile: UserProfile, now: number): boolean => {
    journal.touch(profile.userId, false);
    if (!repo.setProfile(profile.userId, profile.username, profile.displayName, now)) return false;
    journal.touch(profile.userId, true);
    if (repo.hasRequest(profile.userId)) journal.requestsChanged();
    return true;
  };

  const reconcile = (snapshot: FriendSnapshot, now: number): void => {
    const friends = new Map(snapshot.friends.map((f) => [f.userId, f.since]));
    const blocked = new Set(snapshot.blocked);
    for (const userId of repo.friendIds())
      if (!friends.has(userId)) journal.apply({ action: 'deleted', peerId: userId, at: now }, now);
    for (const [userId, since] of friends) journal.apply({ action: 'added', peerId: userId, at: since }, now);
    for (const userId of repo.blockedIds())
      if (!blocked.has(userId)) journal.apply({ action: 'unblocked', peerId: userId, at: now }, now);
    for (const userId of blocked) journal.apply({ action: 'blocked', peerId: userId, at: now }, now);
    const pending = new Set([...snapshot.incoming, ...snapshot.outgoing].map((r) => r.userId));
    for (const userId of repo.requestPeers())
      if (!pending.has(userId)) journal.apply({ action: 'rejected', peerId: userId, at: now }, now);
    for (const r of snapshot.incoming)
      journal.apply({ action: 'request-received', peerId: r.userId, message: r.message, at: r.at }, now);
    for (const r of snapshot.outgoing)
      journal.apply({ action: 'request-sent', peerId: r.userId, message: r.message, at: r.at }, now);
  };

  return {
    /** Friends and blocked users, by remark or name. */
    listContacts,
    /** Listed contacts whose remark, display name or username contains the query (any case). */
    searchContacts: (query: string, limit: number): Contact[] => {
      const q = query.trim().toLowerCase();
      return listContacts()
        .filter((c) => [c.remark, c.displayName, c.username].some((s) => s.toLowerCase().includes(q)))
        .slice(0, limit);
    },
    /** A listed contact, or null. */
    getContact: (userId: string): Contact | null => {
      const row = repo.byId(userId);
      return row && isListed(row) ? toContact(row) : null;
    },
    /** Null when the user is not a listed contact. */
    setContactRemark: db.transaction((userId: string, remark: string, now: number): Contact | null => {
      const row = repo.byId(userId);
      if (!row || !isListed(row)) return null;
      repo.setRemark(userId, remark, now);
      const updated = repo.byId(userId);
      return updated ? toContact(updated) : null;
    }),
    listFriendRequests: (): FriendRequest[] => repo.requests().map(toFriendRequest),
    /**
     * Applies the answers of commands made here (the inbox brings the same changes again
     * later), with the profiles the command already fetched.
     */
    applyFriendChanges: db.transaction(
      (
        changes: readonly FriendChange[],
        now: number,
        profiles: readonly UserProfile[] = [],
      ): FriendChanges | null => {
        for (const change of changes) journal.apply(change, now);
        for (const profile of profiles) recordProfile(profile, now);
        return journal.take();
      },
    ),
    /**
     * Makes the lists exactly what the server's `friend.list` says, unless sync moved the
     * inbox cursor since `cursor` was read: events applied meanwhile may be newer than the
     * snapshot. Events not applied yet are newer still, and apply on top in order.
     */
    reconcileFriends: db.transaction(
      (snapshot: FriendSnapshot, cursor: number | null, now: number): ReconcileOutcome => {
        if (meta.cursor(INBOX) !== cursor) return { stale: true };
        reconcile(snapshot, now);
        return { stale: false, changes: journal.take() };
      },
    ),
    /** Records a fetched profile; what changed for the UI, or null. */
    setContactProfile: db.transaction((profile: UserProfile, now: number): FriendChanges | null => {
      if (!recordProfile(profile, now)) {
        journal.take();
        return null;
      }
      return journal.take();
    }),
    contactsMissingProfiles: (): string[] => repo.missingProfiles(),
    friendIds: (): string[] => repo.friendIds(),
    /** Records presence as the server reported it; the listed contacts among those users too. */
    applyPresence: db.transaction((states: readonly PresenceState[], now: number): PresenceOutcome => {
      const presence: Presence[] = [];
      const contacts: Contact[] = [];
      for (const state of states) {
        repo.putPresence(state.userId, state.online, state.lastSeen ?? null, now);
        const stored = repo.presenceOf(state.userId);
        if (stored) presence.push(toPresence(stored));
        const row = repo.byId(state.userId);
        if (row && isListed(row)) contacts.push(toContact(row));
      }
      return { presence, contacts };
    }),
    /** The user's own last-seen privacy, as last set from this account (the server keeps no getter). */
    hideLastSeen: (): boolean => meta.getSetting(HIDE_LAST_SEEN) === true,
    setHideLastSeen: (hide: boolean): void => meta.setSetting(HIDE_LAST_SEEN, hide),
  };
}
