import { useMemo } from 'react';
import type { Contact } from '../../../../shared/ipc/channels/contacts';
import type { Result } from '../../../../shared/ipc/errors';
import { directPeer } from '../../../../shared/protocol/conversation';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { useNavigationStore } from '../../state/navigation';
import { useChatStoreApi } from '../../state/storeContext';

export type ContactActions = Readonly<{
  /** Opens (creating if needed) the one-to-one chat and shows it. */
  message(contact: Pick<Contact, 'username'>): Promise<boolean>;
  /** Ends the friendship; closes the chat with them (and its details) if it is open. */
  remove(userId: string): Promise<boolean>;
  block(userId: string): Promise<boolean>;
  unblock(userId: string): Promise<boolean>;
  setRemark(userId: string, remark: string): Promise<Contact | null>;
}>;

/**
 * What the user can do to a contact, from the contacts view or the details panel alike.
 * Failures become a toast with the human sentence; each action says whether it worked.
 */
export function useContactActions(): ContactActions {
  const api = useApi();
  const store = useChatStoreApi();
  const navigation = useNavigationStore();
  const errorText = useErrorText();

  return useMemo(() => {
    const succeeded = <T>(result: Result<T>): result is Readonly<{ ok: true; value: T }> => {
      if (!result.ok) store.getState().toast(errorText(result.error));
      return result.ok;
    };
    // By the conversation id, not the chat list: the chat may be open while the list is empty.
    const closeChatWith = (userId: string) => {
      const open = navigation.getState().conversationId;
      const me = store.getState().account?.userId;
      if (open !== null && me !== undefined && directPeer(open, me) === userId)
        navigation.getState().closeConversation();
    };
    return {
      async message(contact) {
        const result = await api.conversations.open({ username: contact.username });
        if (!succeeded(result)) return false;
        store.getState().conversationsChanged([result.value]);
        navigation.getState().openConversation(result.value.id);
        return true;
      },
      async remove(userId) {
        const result = await api.contacts.delete({ userId });
        if (!succeeded(result)) return false;
        closeChatWith(userId);
        return true;
      },
      async block(userId) {
        return succeeded(await api.contacts.block({ userId }));
      },
      async unblock(userId) {
        return succeeded(await api.contacts.unblock({ userId }));
      },
      async setRemark(userId, remark) {
        const result = await api.contacts.setRemark({ userId, remark });
        return succeeded(result) ? result.value : null;
      },
    };
  }, [api, store, navigation, errorText]);
}
