import { useEffect, useState } from 'react';
import { useApi } from '../api/apiContext';
import { useChatStore, useChatStoreApi } from '../state/storeContext';
import { ConversationList } from './ConversationList';
import { ConversationPane } from './ConversationPane';
import { NewChatForm } from './NewChatForm';

/** The signed-in view: conversations on the left, the open one on the right, updated live. */
export function ChatScreen() {
  const api = useApi();
  const store = useChatStoreApi();
  const account = useChatStore((s) => s.account);
  const conversations = useChatStore((s) => s.conversations);
  const selectedId = useChatStore((s) => s.selectedId);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // Subscribe before listing, so nothing that changes in between is missed; merging makes overlap harmless.
    const offMessages = api.messages.onChanged(({ conversationId, messages }) =>
      store.getState().messagesChanged(conversationId, messages),
    );
    const offConversations = api.conversations.onChanged(({ conversations: changed }) =>
      store.getState().conversationsChanged(changed),
    );
    void api.conversations.list({}).then((result) => {
      if (!current) return;
      if (result.ok) store.getState().conversationsChanged(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
      offMessages();
      offConversations();
    };
  }, [api, store]);

  const selected = conversations.find((c) => c.id === selectedId) ?? null;

  return (
    <div className="chat-screen" data-testid="chat-screen">
      <aside className="sidebar">
        <header className="sidebar-header">
          <span className="brand">Tidings</span>
          <span
            className="me"
            data-testid="current-user"
            title={account ? `@${account.username}` : undefined}
          >
            {account?.displayName}
          </span>
        </header>
        <NewChatForm
          onOpened={(conversation) => {
            store.getState().conversationsChanged([conversation]);
            store.getState().select(conversation.id);
          }}
        />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <ConversationList
          conversations={conversations}
          selectedId={selectedId}
          onSelect={(id) => store.getState().select(id)}
        />
      </aside>
      <main className="pane">
        {selected ? (
          <ConversationPane key={selected.id} conversation={selected} />
        ) : (
          <p className="empty-hint pane-empty">Choose a conversation, or start one by username.</p>
        )}
      </main>
    </div>
  );
}
