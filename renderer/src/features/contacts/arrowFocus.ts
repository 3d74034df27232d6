import type { KeyboardEvent } from 'react';

/**
 * Arrow keys move focus between the items of a list (elements matching `selector` inside the
 * element that has the handler); Tab still walks them one by one.
 */
export function arrowFocus(selector: string) {
  return (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(selector)];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const next = items[event.key === 'ArrowDown' ? at + 1 : at - 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };
}
