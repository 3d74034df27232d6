import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../../shared/ipc/models';
import { Avatar } from '../../../components/Avatar';
import { isMenuKey } from '../../../components/ContextMenu';
import { useFormat } from '../../../i18n/format';
import { CardContent } from './CardContent';
import { FileContent } from './FileContent';
import { ImageContent } from './ImageContent';
import { MessageStatus } from './MessageStatus';
import { BroadcastRow, NoticeRow, RecalledRow, type NameOf } from './NoticeRow';
import { ReplyQuote, replyOf } from './ReplyQuote';
import { TextContent } from './TextContent';

export type MessageRowProps = Readonly<{
  message: Message;
  nameOf: NameOf;
  selfId: string;
  showSender: boolean;
  highlighted: boolean;
  onMenu: (message: Message, event: MouseEvent<HTMLElement>) => void;
  onMenuKey: (message: Message, element: HTMLElement) => void;
  onRetry: (message: Message) => void;
}>;

const KNOWN_KINDS = new Set(['text', 'image', 'file', 'card']);

function Content({ message }: Readonly<{ message: Message }>) {
  const { t } = useTranslation('chats');
  switch (message.kind) {
    case 'text':
      return <TextContent text={typeof message.body.text === 'string' ? message.body.text : ''} />;
    case 'image':
      return <ImageContent message={message} />;
    case 'file':
      return <FileContent message={message} />;
    case 'card':
      return <CardContent message={message} />;
    default:
      return <p className="bubble-text unknown-text">{t('bubble.unknownKind')}</p>;
  }
}

/** One row of the timeline: a notice, a tombstone, an announcement, or a bubble. */
export const MessageRow = memo(function MessageRow({
  message,
  nameOf,
  selfId,
  showSender,
  highlighted,
  onMenu,
  onMenuKey,
  onRetry,
}: MessageRowProps) {
  const { t } = useTranslation('chats');
  const format = useFormat();
  if (message.recalled) return <RecalledRow message={message} nameOf={nameOf} selfId={selfId} />;
  if (message.kind === 'notice') return <NoticeRow message={message} nameOf={nameOf} />;
  if (message.kind === 'broadcast')
    return <BroadcastRow message={message} time={format.dateTime(message.sentAt)} />;

  const direction = message.outgoing ? 'outgoing' : 'incoming';
  const reply = replyOf(message.body);
  const known = KNOWN_KINDS.has(message.kind);
  const senderName = nameOf(message.senderId);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (!isMenuKey(event)) return;
    event.preventDefault();
    onMenuKey(message, event.currentTarget);
  };

  return (
    <div className={`bubble-row ${direction}${highlighted ? ' highlighted' : ''}`}>
      {!message.outgoing && showSender ? (
        <Avatar id={message.senderId} name={senderName} size="small" />
      ) : null}
      <div className="bubble-column">
        {!message.outgoing && showSender ? <span className="bubble-sender">{senderName}</span> : null}
        <div
          className={`bubble ${direction} kind-${known ? message.kind : 'unknown'}`}
          tabIndex={0}
          onContextMenu={(event) => onMenu(message, event)}
          onKeyDown={onKeyDown}
          data-testid="message-bubble"
          data-message-id={message.id}
          data-status={message.status}
          data-direction={direction}
          data-kind={message.kind}
        >
          {message.body.forwarded ? <span className="forwarded-tag">{t('bubble.forwarded')}</span> : null}
          {reply ? <ReplyQuote reply={reply} nameOf={nameOf} /> : null}
          <Content message={message} />
          <div className="bubble-meta">
            <time dateTime={new Date(message.sentAt).toISOString()}>{format.time(message.sentAt)}</time>
            {message.outgoing ? (
              <MessageStatus
                status={message.status}
                failure={message.failure}
                onRetry={() => onRetry(message)}
              />
            ) : null}
          </div>
        </div>
      </div>
    </div>
  );
});
