import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/ipc/models';
import type { Result } from '../../../../shared/ipc/errors';
import { useApi } from '../../api/apiContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useErrorText } from '../../i18n/errorText';
import { useNavigation } from '../../state/navigation';
import { useChatStore, useChatStoreApi } from '../../state/storeContext';
import { ConversationList, type ConversationActions } from './ConversationList';
import { NewChatForm } from './NewChatForm';

/** The left pane of the chats view: who is signed in, mark-all-read, a new chat, the list. */
export function ConversationListPane() {
  const api = useApi();
  const { t } = useTranslation('chats');
  const errorText = useErrorText();
  const store = useChatStoreApi();
  const account = useChatStore((s) => s.account);
  const conversations = useChatStore((s) => s.conversations);
  const selectedId = useNavigation((s) => s.conversationId);
  const open = useNavigation((s) => s.openConversation);
  const closeConversation = useNavigation((s) => s.closeConversation);
  const [deleting, setDeleting] = useState<Conversation | null>(null);
  const anyUnread = conversations.some((c) => c.unread > 0);

  const apply = (pending: Promise<Result<Conversation | Conversation[]>>): void => {
    void pending.then((result) => {
      if (!result.ok) store.getState().toast(errorText(result.error));
      else store.getState().conversationsChanged(Array.isArray(result.value) ? result.value : [result.value]);
    });
  };
  const actions: ConversationActions = {
    pin: (c) => apply(api.conversations.pin({ conversationId: c.id, pinned: !c.pinned })),
    mute: (c) => apply(api.conversations.mute({ conversationId: c.id, muted: !c.muted })),
    markRead: (c) => apply(api.conversations.markRead({ conversationId: c.id })),
    remove: (c) => setDeleting(c),
  };
  const confirmDelete = (c: Conversation): void => {
    setDeleting(null);
    void api.conversations.deleteLocal({ conversationId: c.id }).then((result) => {
      if (!result.ok) {
        store.getState().toast(errorText(result.error));
        return;
      }
      store.getState().conversationsRemoved([c.id]);
      if (selectedId === c.id) closeConversation();
    });
  };

  return (
    <>
      <header className="list-header">
        <span className="me" data-testid="current-user" title={account ? `@${account.username}` : undefined}>
          {account?.displayName}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={t('list.markAllRead')}
          title={t('list.markAllRead')}
          disabled={!anyUnread}
          onClick={() => apply(api.conversations.markAllRead({}))}
          data-testid="mark-all-read"
        >
          ✓✓
        </button>
      </header>
      <NewChatForm
        onOpened={(conversation) => {
          store.getState().conversationsChanged([conversation]);
          open(conversation.id);
        }}
      />
      <ConversationList
        conversations={conversations}
        selectedId={selectedId}
        onSelect={open}
        actions={actions}
      />
      {deleting ? (
        <ConfirmDialog
          text={t('list.confirmDelete', { title: deleting.title })}
          confirmLabel={t('list.delete')}
          onConfirm={() => confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
