import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChatStore } from '../state/storeContext';
import { useNavigation, VIEWS, type View } from '../state/navigation';
import { RailIcon } from './railIcons';

/**
 * The navigation rail: one icon button per view. Arrow keys move between buttons (a roving
 * focus, as in a toolbar); Enter/Space activates, like any button.
 */
export function NavRail() {
  const { t } = useTranslation('app');
  const view = useNavigation((s) => s.view);
  const go = useNavigation((s) => s.go);
  const unread = useChatStore((s) => s.conversations.reduce((sum, c) => sum + (c.muted ? 0 : c.unread), 0));
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number): void => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    buttons.current[(index + step + VIEWS.length) % VIEWS.length]?.focus();
  };

  return (
    <nav className="nav-rail" aria-label={t('rail.label')} data-testid="nav-rail">
      {VIEWS.map((name: View, index) => (
        <button
          key={name}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          className={`rail-button${view === name ? ' active' : ''}`}
          aria-label={t(`rail.${name}`)}
          aria-current={view === name ? 'page' : undefined}
          title={t(`rail.${name}`)}
          tabIndex={view === name ? 0 : -1}
          data-testid={`rail-${name}`}
          onClick={() => go(name)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          <RailIcon view={name} />
          {name === 'chats' && unread > 0 ? (
            <span className="rail-badge" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </button>
      ))}
    </nav>
  );
}
