export { ContactsView } from './ContactsView';
export { ContactProfile } from './ContactProfile';
export { useContacts, contactName } from './useContacts';
