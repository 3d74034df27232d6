import { useEffect } from 'react';
import type { Navigation } from '../../../shared/ipc/channels/app';
import { useApi } from '../api/apiContext';
import { useNavigationStore } from '../state/navigation';

/**
 * Takes the navigation the desktop shell holds for the page (a tidings:// link, a notification
 * click) once on start and again whenever it says one is waiting.
 */
export function useShellNavigation(): void {
  const api = useApi();
  const navigation = useNavigationStore();

  useEffect(() => {
    let current = true;
    const follow = (target: Navigation): void => {
      if (target.kind === 'conversation') navigation.getState().openConversation(target.conversationId);
      else navigation.getState().go('contacts');
    };
    const take = (): void => {
      void api.app.takeNavigation({}).then((result) => {
        if (current && result.ok && result.value) follow(result.value);
      });
    };
    const off = api.app.onNavigationRequested(take);
    take();
    return () => {
      current = false;
      off();
    };
  }, [api, navigation]);
}
