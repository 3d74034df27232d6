import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export type MenuItem = Readonly<{
  id: string;
  label: string;
  run: () => void;
  danger?: boolean;
  disabled?: boolean;
}>;

export type MenuPosition = Readonly<{ x: number; y: number }>;

export type ContextMenuProps = Readonly<{
  items: readonly MenuItem[];
  position: MenuPosition;
  label: string;
  onClose: () => void;
}>;

/**
 * A right-click (or Shift+F10 / context-menu key) menu. Focus moves into it; arrow keys, Home and
 * End move between items, Enter runs one, Escape or a click outside closes it and returns focus.
 */
export function ContextMenu({ items, position, label, onClose }: ContextMenuProps) {
  const menu = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState(position);
  const enabled = items.filter((item) => !item.disabled);

  useLayoutEffect(() => {
    const element = menu.current;
    if (!element) return;
    // Keep the menu inside the window.
    const { width, height } = element.getBoundingClientRect();
    setPlace({
      x: Math.max(4, Math.min(position.x, window.innerWidth - width - 4)),
      y: Math.max(4, Math.min(position.y, window.innerHeight - height - 4)),
    });
    element.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [position]);

  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const onClose = (): void => closeRef.current();
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onDown = (event: MouseEvent): void => {
      if (menu.current && !menu.current.contains(event.target as Node)) onClose();
    };
    const onBlur = (): void => onClose();
    document.addEventListener('mousedown', onDown);
    window.addEventListener('blur', onBlur);
    window.addEventListener('resize', onBlur);
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('resize', onBlur);
      previous?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number): void => buttons[(i + buttons.length) % buttons.length]?.focus();
    if (event.key === 'ArrowDown') focus(index + 1);
    else if (event.key === 'ArrowUp') focus(index - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(buttons.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  if (enabled.length === 0) return null;
  return createPortal(
    <ul
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label={label}
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      data-testid="context-menu"
    >
      {items.map((item) => (
        <li key={item.id} role="none">
          <button
            type="button"
            role="menuitem"
            className={item.danger ? 'danger' : undefined}
            disabled={item.disabled}
            data-testid={`menu-${item.id}`}
            onClick={() => {
              onClose();
              item.run();
            }}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>,
    document.body,
  );
}

/** State for one context menu: open it at the mouse, or below the element for the keyboard. */
export function useContextMenu<T>() {
  const [open, setOpen] = useState<{ target: T; position: MenuPosition } | null>(null);
  const close = useCallback(() => setOpen(null), []);
  const openAt = useCallback(
    (target: T, event: { clientX: number; clientY: number; preventDefault(): void }) => {
      event.preventDefault();
      setOpen({ target, position: { x: event.clientX, y: event.clientY } });
    },
    [],
  );
  const openBelow = useCallback((target: T, element: Element) => {
    const rect = element.getBoundingClientRect();
    setOpen({ target, position: { x: rect.left + 16, y: rect.top + rect.height / 2 } });
  }, []);
  return { open, openAt, openBelow, close };
}

/** True for the keys that open a context menu from the keyboard. */
export function isMenuKey(event: { key: string; shiftKey: boolean }): boolean {
  return event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
}
