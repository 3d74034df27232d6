import { useEffect, useState } from 'react';
import type { Conversation, Message } from '../../../shared/ipc/models';
import { useApi } from '../api/apiContext';
import { useChatStore } from '../state/storeContext';
import { Composer } from './Composer';
import { MessageList } from './MessageList';

const NO_MESSAGES: readonly Message[] = [];

/** The open conversation: its header, messages and composer. */
export function ConversationPane({ conversation }: Readonly<{ conversation: Conversation }>) {
  const api = useApi();
  const messages = useChatStore((s) => s.messages[conversation.id] ?? NO_MESSAGES);
  const messagesChanged = useChatStore((s) => s.messagesChanged);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    void api.messages.list({ conversationId: conversation.id, limit: 50 }).then((result) => {
      if (!current) return;
      if (result.ok) messagesChanged(conversation.id, result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [api, conversation.id, messagesChanged]);

  const send = (text: string): void => {
    setError(null);
    void api.messages.send({ conversationId: conversation.id, text }).then((result) => {
      if (result.ok) messagesChanged(conversation.id, [result.value]);
      else setError(result.error.message);
    });
  };

  return (
    <section
      className="conversation-pane"
      aria-label={`Conversation with ${conversation.title}`}
      data-testid="conversation-pane"
    >
      <header className="pane-header">
        <h2>{conversation.title}</h2>
        {conversation.peer ? <span className="peer-username">@{conversation.peer.username}</span> : null}
      </header>
      <MessageList messages={messages} />
      {error ? (
        <p className="form-error pane-error" role="alert" data-testid="conversation-error">
          {error}
        </p>
      ) : null}
      <Composer onSend={send} />
    </section>
  );
}
