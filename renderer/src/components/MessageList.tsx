import { useLayoutEffect, useRef } from 'react';
import type { Message } from '../../../shared/ipc/models';
import { MessageBubble } from './MessageBubble';

/** The conversation's messages, kept scrolled to the newest when one arrives. */
export function MessageList({ messages }: Readonly<{ messages: readonly Message[] }>) {
  const scroller = useRef<HTMLDivElement>(null);
  const lastId = messages.at(-1)?.id;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lastId]);

  return (
    <div className="message-scroll" ref={scroller}>
      {messages.length === 0 ? <p className="empty-hint">No messages yet. Say hello!</p> : null}
      <ol className="message-list" role="log" aria-label="Messages" data-testid="message-list">
        {messages.map((message) => (
          <MessageBubble key={message.id} message={message} />
        ))}
      </ol>
    </div>
  );
}
