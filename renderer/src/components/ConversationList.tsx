import type { Conversation } from '../../../shared/ipc/models';
import { formatListTime } from '../text/formatTime';

export type ConversationListProps = Readonly<{
  conversations: readonly Conversation[];
  selectedId: string | null;
  onSelect: (conversationId: string) => void;
}>;

/** The sidebar list: title, last message preview (as text), time and unread count. */
export function ConversationList({ conversations, selectedId, onSelect }: ConversationListProps) {
  if (conversations.length === 0) return <p className="empty-hint">No conversations yet.</p>;
  return (
    <ul className="conversation-list" aria-label="Conversations" data-testid="conversation-list">
      {conversations.map((conversation) => {
        const selected = conversation.id === selectedId;
        const last = conversation.lastMessage;
        return (
          <li key={conversation.id}>
            <button
              type="button"
              className={`conversation-item${selected ? ' selected' : ''}`}
              aria-current={selected ? 'true' : undefined}
              onClick={() => onSelect(conversation.id)}
              data-testid="conversation-item"
              data-conversation-id={conversation.id}
            >
              <span className="conversation-title">{conversation.title}</span>
              {last ? <span className="conversation-time">{formatListTime(last.sentAt)}</span> : null}
              <span className="conversation-preview">
                {last ? `${last.outgoing ? 'You: ' : ''}${last.preview}` : ' '}
              </span>
              {conversation.unread > 0 ? (
                <span className="unread-badge" aria-label={`${conversation.unread} unread`}>
                  {conversation.unread}
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
