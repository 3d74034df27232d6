import { createElement } from 'react';

/** Placeholder until the groups feature lands (owned by another helper, who replaces this file). */
export function GroupsView() {
  return createElement('div', { className: 'placeholder-view', 'data-testid': 'placeholder-groups' });
}
