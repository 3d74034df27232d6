import { useEffect } from 'react';
import { useApi } from '../api/apiContext';
import { useErrorText } from '../i18n/errorText';
import { useNavigationStore } from '../state/navigation';
import { useChatStoreApi } from '../state/storeContext';

/**
 * Keeps the store in step with the engine while signed in. It subscribes before it lists, so
 * nothing that changes in between is missed; merging by id makes the overlap harmless.
 */
export function useEngineEvents(): void {
  const api = useApi();
  const store = useChatStoreApi();
  const navigation = useNavigationStore();
  const errorText = useErrorText();

  useEffect(() => {
    let current = true;
    const state = () => store.getState();
    const offs = [
      api.messages.onChanged(({ conversationId, messages }) =>
        state().messagesChanged(conversationId, messages),
      ),
      api.messages.onRemoved(({ conversationId, ids }) => state().messagesRemoved(conversationId, ids)),
      api.conversations.onChanged(({ conversations }) => state().conversationsChanged(conversations)),
      api.conversations.onRemoved(({ conversationIds }) => {
        state().conversationsRemoved(conversationIds);
        const open = navigation.getState().conversationId;
        if (open && conversationIds.includes(open)) navigation.getState().closeConversation();
      }),
      api.connection.onChanged((connection) => state().connectionChanged(connection)),
      api.sync.onProgress((progress) => state().syncChanged(progress)),
      api.search.onProgress((progress) => state().searchIndexChanged(progress)),
    ];
    void api.conversations.list({}).then((result) => {
      if (!current) return;
      if (result.ok) state().conversationsChanged(result.value);
      else state().toast(errorText(result.error));
    });
    void api.connection.get({}).then((result) => {
      if (current && result.ok) state().connectionChanged(result.value);
    });
    void api.sync.get({}).then((result) => {
      if (current && result.ok) state().syncChanged(result.value);
    });
    return () => {
      current = false;
      for (const off of offs) off();
    };
  }, [api, store, navigation, errorText]);
}
