import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/ipc/channels/contacts';
import { arrowFocus } from './arrowFocus';
import { Avatar } from './PresenceDot';
import { usePresenceText } from './presenceText';
import { contactName } from './useContacts';

export type ContactsSelection =
  Readonly<{ kind: 'contact'; userId: string }> | Readonly<{ kind: 'requests' }> | Readonly<{ kind: 'add' }>;

export type ContactListProps = Readonly<{
  contacts: readonly Contact[];
  /** Incoming requests waiting for an answer. */
  pendingRequests: number;
  selection: ContactsSelection | null;
  onSelect(selection: ContactsSelection): void;
}>;

function matches(contact: Contact, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return true;
  return [contact.remark, contact.displayName, contact.username].some((s) =>
    s.toLocaleLowerCase().includes(q),
  );
}

/** The list pane of the contacts view: search, requests, add, then friends and blocked users. */
export function ContactList({ contacts, pendingRequests, selection, onSelect }: ContactListProps) {
  const { t } = useTranslation('contacts');
  const presenceText = usePresenceText();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => contacts.filter((c) => matches(c, query)), [contacts, query]);
  const friends = shown.filter((c) => c.relation === 'friend' && !c.blocked);
  const blocked = shown.filter((c) => c.blocked);
  const selectedId = selection?.kind === 'contact' ? selection.userId : null;

  const row = (contact: Contact) => (
    <li key={contact.userId}>
      <button
        type="button"
        className={`contact-item${selectedId === contact.userId ? ' selected' : ''}`}
        data-contact-item=""
        data-testid="contact-item"
        data-user-id={contact.userId}
        aria-current={selectedId === contact.userId ? 'true' : undefined}
        onClick={() => onSelect({ kind: 'contact', userId: contact.userId })}
      >
        <Avatar name={contactName(contact)} presence={contact.presence} />
        <span className="contact-item-text">
          <span className="contact-item-name">{contactName(contact)}</span>
          <span className="contact-item-sub">
            {contact.blocked ? t('profile.blocked') : presenceText(contact.presence)}
          </span>
        </span>
      </button>
    </li>
  );

  return (
    <div className="contact-list" onKeyDown={arrowFocus('[data-contact-item]')}>
      <header className="contacts-header">
        <h2>{t('title')}</h2>
        <button
          type="button"
          className="social-action"
          data-testid="contacts-add"
          data-contact-item=""
          aria-pressed={selection?.kind === 'add'}
          onClick={() => onSelect({ kind: 'add' })}
        >
          {t('add.open')}
        </button>
      </header>
      <input
        type="search"
        className="contacts-search"
        data-testid="contacts-search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <button
        type="button"
        className={`contact-item requests-entry${selection?.kind === 'requests' ? ' selected' : ''}`}
        data-contact-item=""
        data-testid="contacts-requests"
        onClick={() => onSelect({ kind: 'requests' })}
      >
        <span className="contact-item-name">{t('requests.title')}</span>
        {pendingRequests > 0 ? (
          <span className="social-count" aria-label={t('requests.pending', { count: pendingRequests })}>
            {pendingRequests}
          </span>
        ) : null}
      </button>
      <div className="contact-scroll">
        <h3 className="contact-section">{t('friends', { count: friends.length })}</h3>
        {friends.length === 0 ? (
          <p className="social-muted contact-empty">{query.trim() ? t('noMatch') : t('noFriends')}</p>
        ) : (
          <ul className="contact-items" data-testid="friend-list">
            {friends.map(row)}
          </ul>
        )}
        {blocked.length > 0 ? (
          <>
            <h3 className="contact-section">{t('blocked')}</h3>
            <ul className="contact-items" data-testid="blocked-list">
              {blocked.map(row)}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
