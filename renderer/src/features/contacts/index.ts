import { createElement } from 'react';

/** Placeholder until the contacts feature lands (owned by another helper, who replaces this file). */
export function ContactsView() {
  return createElement('div', { className: 'placeholder-view', 'data-testid': 'placeholder-contacts' });
}
