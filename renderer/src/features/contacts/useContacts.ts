import { useEffect, useState } from 'react';
import type { Contact, Presence } from '../../../../shared/ipc/channels/contacts';
import type { IpcError } from '../../../../shared/ipc/errors';
import { useApi } from '../../api/apiContext';

export type ContactsState = Readonly<{
  contacts: readonly Contact[];
  loaded: boolean;
  error: IpcError | null;
}>;

/** The name the user knows a contact by: their own remark, else the contact's display name. */
export function contactName(contact: Pick<Contact, 'remark' | 'displayName'>): string {
  return contact.remark || contact.displayName;
}

function upsert(list: readonly Contact[], updates: readonly Contact[]): Contact[] {
  const byId = new Map(list.map((c) => [c.userId, c]));
  for (const c of updates) byId.set(c.userId, c);
  return [...byId.values()].sort((a, b) => contactName(a).localeCompare(contactName(b)));
}

function withPresence(list: readonly Contact[], users: readonly Presence[]): Contact[] {
  const byId = new Map(users.map((p) => [p.userId, p]));
  return list.map((c) => {
    const presence = byId.get(c.userId);
    return presence ? { ...c, presence } : c;
  });
}

/**
 * Contacts (friends and blocked users) kept live from the engine's events. Subscribes before it
 * lists, so nothing that changes in between is lost; then asks for fresh presence once, since
 * the engine may not have heard from everyone yet.
 */
export function useContacts(options: Readonly<{ refreshPresence?: boolean }> = {}): ContactsState {
  const api = useApi();
  const refreshPresence = options.refreshPresence ?? false;
  const [state, setState] = useState<ContactsState>({ contacts: [], loaded: false, error: null });

  useEffect(() => {
    let current = true;
    const offs = [
      api.contacts.onChanged(({ contacts }) =>
        setState((s) => ({ ...s, contacts: upsert(s.contacts, contacts) })),
      ),
      api.contacts.onRemoved(({ userIds }) =>
        setState((s) => ({ ...s, contacts: s.contacts.filter((c) => !userIds.includes(c.userId)) })),
      ),
      api.presence.onChanged(({ users }) =>
        setState((s) => ({ ...s, contacts: withPresence(s.contacts, users) })),
      ),
    ];
    void api.contacts.list({}).then(async (result) => {
      if (!current) return;
      if (!result.ok) {
        setState((s) => ({ ...s, loaded: true, error: result.error }));
        return;
      }
      setState((s) => ({ contacts: upsert(s.contacts, result.value), loaded: true, error: null }));
      const ids = result.value.filter((c) => c.relation === 'friend').map((c) => c.userId);
      if (!refreshPresence || ids.length === 0) return;
      const presence = await api.presence.get({ userIds: ids.slice(0, 500) });
      if (current && presence.ok)
        setState((s) => ({ ...s, contacts: withPresence(s.contacts, presence.value) }));
    });
    return () => {
      current = false;
      for (const off of offs) off();
    };
  }, [api, refreshPresence]);

  return state;
}
