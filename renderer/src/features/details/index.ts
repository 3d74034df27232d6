import { createElement } from 'react';

/** Placeholder until the details feature lands (owned by another helper, who replaces this file). */
export function DetailsPanel() {
  return createElement('div', { className: 'placeholder-view', 'data-testid': 'placeholder-details' });
}
