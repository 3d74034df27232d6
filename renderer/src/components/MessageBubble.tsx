import type { Message } from '../../../shared/ipc/models';
import { formatTime } from '../text/formatTime';
import { messageText } from '../text/messageText';
import { MessageStatus } from './MessageStatus';

/**
 * One message. Its text is a React text child, never HTML, so whatever a peer sends is shown
 * literally. `data-status` and `data-direction` are for tests and styling.
 */
export function MessageBubble({ message }: Readonly<{ message: Message }>) {
  const { text, known } = messageText(message);
  const direction = message.outgoing ? 'outgoing' : 'incoming';
  return (
    <li className={`bubble-row ${direction}`}>
      <div
        className={`bubble ${direction}${known ? '' : ' unknown-kind'}`}
        data-testid="message-bubble"
        data-message-id={message.id}
        data-status={message.status}
        data-direction={direction}
      >
        <p className="bubble-text">{text}</p>
        <div className="bubble-meta">
          <time dateTime={new Date(message.sentAt).toISOString()}>{formatTime(message.sentAt)}</time>
          {message.outgoing ? <MessageStatus status={message.status} /> : null}
        </div>
      </div>
    </li>
  );
}
