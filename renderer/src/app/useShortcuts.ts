import { useEffect } from 'react';
import { useNavigationStore } from '../state/navigation';

/** Ctrl/⌘+K opens the quick switcher, Ctrl/⌘+F the search view, Escape closes the switcher. */
export function useShortcuts(): void {
  const navigation = useNavigationStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && !event.altKey && key === 'k') {
        event.preventDefault();
        navigation.getState().setSwitcherOpen(true);
      } else if (mod && !event.shiftKey && !event.altKey && key === 'f') {
        event.preventDefault();
        navigation.getState().go('search');
      } else if (key === 'escape' && navigation.getState().switcherOpen) {
        navigation.getState().setSwitcherOpen(false);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigation]);
}
