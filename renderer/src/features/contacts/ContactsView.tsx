import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TwoPane } from '../../app/TwoPane';
import { AddFriendForm } from './AddFriendForm';
import { ContactList, type ContactsSelection } from './ContactList';
import { ContactProfile } from './ContactProfile';
import { RequestsInbox } from './RequestsInbox';
import { useContacts } from './useContacts';
import { useFriendRequests } from './useFriendRequests';
import './contacts.css';

/** Contacts: friends with search and presence, the requests inbox, and adding a friend by username. */
export function ContactsView() {
  const { t } = useTranslation('contacts');
  const { contacts, error } = useContacts({ refreshPresence: true });
  const requests = useFriendRequests();
  const incoming = requests.filter((r) => r.direction === 'incoming').length;
  const [selection, setSelection] = useState<ContactsSelection | null>(null);
  const selected =
    selection?.kind === 'contact' ? contacts.find((c) => c.userId === selection.userId) : undefined;

  // With nothing chosen yet, waiting requests are the most useful thing to show; once shown, they
  // stay until the user picks something else, even when the last one is answered.
  const [suggested, setSuggested] = useState(false);
  useEffect(() => {
    if (!suggested && selection === null && incoming > 0) {
      setSuggested(true);
      setSelection({ kind: 'requests' });
    }
  }, [suggested, selection, incoming]);

  let main;
  if (selection?.kind === 'requests') main = <RequestsInbox requests={requests} />;
  else if (selection?.kind === 'add') main = <AddFriendForm />;
  else if (selected)
    main = <ContactProfile key={selected.userId} contact={selected} peer={selected} showMessage />;
  else main = <p className="empty-hint pane-empty">{t('choose')}</p>;

  return (
    <TwoPane
      testId="contacts-view"
      label={t('title')}
      list={
        <>
          {error ? (
            <p className="form-error" role="alert">
              {t('loadFailed')}
            </p>
          ) : null}
          <ContactList
            contacts={contacts}
            pendingRequests={incoming}
            selection={selection}
            onSelect={setSelection}
          />
        </>
      }
      main={<div className="contacts-main">{main}</div>}
    />
  );
}
