import type { ReactNode } from 'react';

export type TwoPaneProps = Readonly<{
  /** The narrow list on the left (conversations, contacts, groups, search results). */
  list: ReactNode;
  /** The wide pane on the right. */
  main: ReactNode;
  /** Optional right-hand panel (details), shown beside the main pane. */
  aside?: ReactNode;
  /** Names the region for screen readers. */
  label?: string;
  testId?: string;
}>;

/** The layout every rail view uses: a list pane, a main pane and an optional details panel. */
export function TwoPane({ list, main, aside, label, testId }: TwoPaneProps) {
  return (
    <div className="two-pane" aria-label={label} data-testid={testId}>
      <section className="list-pane">{list}</section>
      <section className="main-pane">{main}</section>
      {aside ? <aside className="details-pane">{aside}</aside> : null}
    </div>
  );
}
