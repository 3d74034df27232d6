import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, Message } from '../../../../../shared/ipc/models';
import type { Result } from '../../../../../shared/ipc/errors';
import { useApi } from '../../../api/apiContext';
import type { MenuItem } from '../../../components/ContextMenu';
import { useErrorText } from '../../../i18n/errorText';
import { useChatStoreApi } from '../../../state/storeContext';

/** How long after sending the sender may recall (the server's default; it has the last word). */
export const RECALL_WINDOW_MS = 2 * 60 * 1000;

export type MessageActionHandlers = Readonly<{
  reply(message: Message): void;
  forward(message: Message): void;
  confirmDelete(message: Message): void;
}>;

/** Whether the user may recall a message: their own within the window, or any as a group owner/admin. */
export function canRecall(message: Message, conversation: Conversation, now: number): boolean {
  if (message.recalled || message.kind === 'notice' || message.kind === 'broadcast') return false;
  if (message.seq === null) return false;
  if (conversation.group) {
    if (conversation.group.state !== 'member') return false;
    if (conversation.group.role === 'owner' || conversation.group.role === 'admin') return true;
  }
  return message.outgoing && now - message.sentAt <= RECALL_WINDOW_MS;
}

/** The right-click menu of a message, and retry for a failed one. */
export function useMessageActions(conversation: Conversation, handlers: MessageActionHandlers) {
  const api = useApi();
  const { t } = useTranslation('chats');
  const errorText = useErrorText();
  const store = useChatStoreApi();

  const apply = useCallback(
    (pending: Promise<Result<Message>>) => {
      void pending.then((result) => {
        if (!result.ok) store.getState().toast(errorText(result.error));
        else store.getState().messagesChanged(result.value.conversationId, [result.value]);
      });
    },
    [store, errorText],
  );

  const retry = useCallback(
    (message: Message) => apply(api.messages.retry({ id: message.id })),
    [api, apply],
  );

  const menuItems = (message: Message, now: number = Date.now()): MenuItem[] => {
    const text = message.kind === 'text' && typeof message.body.text === 'string' ? message.body.text : null;
    const readOnly =
      conversation.kind === 'system' ||
      (conversation.group !== null && conversation.group.state !== 'member');
    const items: MenuItem[] = [];
    if (text !== null)
      items.push({
        id: 'copy',
        label: t('bubble.copy'),
        run: () => void navigator.clipboard?.writeText(text),
      });
    if (!readOnly && message.seq !== null && !message.recalled)
      items.push({ id: 'reply', label: t('bubble.reply'), run: () => handlers.reply(message) });
    // Any message the server numbered can be forwarded (files and images too), except notices.
    if (
      !message.recalled &&
      message.seq !== null &&
      message.kind !== 'notice' &&
      message.kind !== 'broadcast'
    )
      items.push({ id: 'forward', label: t('bubble.forward'), run: () => handlers.forward(message) });
    if (canRecall(message, conversation, now))
      items.push({
        id: 'recall',
        label: t('bubble.recall'),
        run: () => apply(api.messages.recall({ id: message.id })),
      });
    items.push({
      id: 'delete',
      label: t('bubble.delete'),
      danger: true,
      run: () => handlers.confirmDelete(message),
    });
    return items;
  };

  const deleteLocal = (message: Message): void => {
    void api.messages.deleteLocal({ ids: [message.id] }).then((result) => {
      if (!result.ok) store.getState().toast(errorText(result.error));
      else store.getState().messagesRemoved(message.conversationId, [message.id]);
    });
  };

  return { retry, menuItems, deleteLocal };
}
