import { TwoPane } from '../../app/TwoPane';
import { ConversationList } from '../../components/ConversationList';
import { ConversationPane } from '../../components/ConversationPane';
import { NewChatForm } from '../../components/NewChatForm';
import { useNavigation } from '../../state/navigation';
import { useChatStore, useChatStoreApi } from '../../state/storeContext';
import { DetailsPanel } from '../details';

/** The chats view: conversations on the left, the open one in the middle, its details on the right. */
export function ChatsView() {
  const store = useChatStoreApi();
  const conversations = useChatStore((s) => s.conversations);
  const account = useChatStore((s) => s.account);
  const selectedId = useNavigation((s) => s.conversationId);
  const detailsOpen = useNavigation((s) => s.detailsOpen);
  const open = useNavigation((s) => s.openConversation);
  const selected = conversations.find((c) => c.id === selectedId) ?? null;

  return (
    <TwoPane
      testId="chat-screen"
      list={
        <>
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
              open(conversation.id);
            }}
          />
          <ConversationList conversations={conversations} selectedId={selectedId} onSelect={open} />
        </>
      }
      main={selected ? <ConversationPane key={selected.id} conversation={selected} /> : null}
      aside={selected && detailsOpen ? <DetailsPanel /> : undefined}
    />
  );
}
