import { useEffect } from 'react';
import type { Conversation } from '../../../../shared/ipc/models';
import { useApi } from '../../api/apiContext';
import { useChatStoreApi } from '../../state/storeContext';

/**
 * Marks the open conversation read while the window is visible: on open, and again when new
 * messages raise its unread count or the window comes back.
 */
export function useMarkRead(conversation: Conversation): void {
  const api = useApi();
  const store = useChatStoreApi();
  const unread = conversation.unread;
  const id = conversation.id;

  useEffect(() => {
    const mark = (): void => {
      if (document.visibilityState === 'hidden') return;
      if (store.getState().conversations.find((c) => c.id === id)?.unread === 0) return;
      void api.conversations.markRead({ conversationId: id }).then((result) => {
        if (result.ok) store.getState().conversationsChanged([result.value]);
      });
    };
    if (unread > 0) mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [api, store, id, unread]);
}
