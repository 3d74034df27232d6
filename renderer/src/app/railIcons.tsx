import type { View } from '../state/navigation';

/** Simple stroked icons (inline SVG elements, allowed by the CSP); the button carries the label. */
const paths: Readonly<Record<View, string>> = {
  chats: 'M4 5h16v11H8l-4 4z',
  contacts: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8a7 7 0 0 1 14 0',
  groups: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-6 8a6 6 0 0 1 12 0M16 5a3 3 0 0 1 0 6m2 8a6 6 0 0 0-3-5',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zm5-2 5 5',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7.4-3a7.4 7.4 0 0 0-.1-1.3l2-1.6-2-3.4-2.4 1a7 7 0 0 0-2.2-1.3L14.3 2h-4l-.4 2.5a7 7 0 0 0-2.2 1.3l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.6l-2 1.6 2 3.4 2.4-1a7 7 0 0 0 2.2 1.3l.4 2.5h4l.4-2.5a7 7 0 0 0 2.2-1.3l2.4 1 2-3.4-2-1.6c.1-.4.1-.9.1-1.3z',
};

export function RailIcon({ view }: Readonly<{ view: View }>) {
  return (
    <svg className="rail-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[view]} />
    </svg>
  );
}
