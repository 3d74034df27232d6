import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../../shared/ipc/models';

export type NameOf = (userId: string) => string;

const KNOWN_EVENTS = new Set([
  'group-created',
  'member-joined',
  'member-kicked',
  'member-quit',
  'group-dissolved',
  'group-renamed',
  'group-notice',
  'owner-transferred',
  'admin-set',
  'admin-unset',
  'recall',
]);

/** A system notice in the timeline ("X recalled a message", joins, kicks…), centred and quiet. */
export function NoticeRow({ message, nameOf }: Readonly<{ message: Message; nameOf: NameOf }>) {
  const { t } = useTranslation('chats');
  const body = message.body;
  const event = typeof body.event === 'string' ? body.event : '';
  const actor = typeof body.actorId === 'string' ? nameOf(body.actorId) : t('bubble.someone');
  const targets = Array.isArray(body.targetIds)
    ? body.targetIds
        .filter((id): id is string => typeof id === 'string')
        .map(nameOf)
        .join(', ')
    : '';
  const text = typeof body.text === 'string' ? body.text : '';
  const sentence = KNOWN_EVENTS.has(event)
    ? t(`notice.${event as 'recall'}`, { actor, targets, text })
    : text || t('notice.other');
  return (
    <div className="notice-row" data-testid="notice" data-message-id={message.id} data-event={event}>
      <span>{sentence}</span>
    </div>
  );
}

/** A recalled message: a tombstone in place of the bubble. */
export function RecalledRow({
  message,
  nameOf,
  selfId,
}: Readonly<{ message: Message; nameOf: NameOf; selfId: string }>) {
  const { t } = useTranslation('chats');
  const by = message.recalled?.by ?? message.senderId;
  return (
    <div className="notice-row" data-testid="recalled" data-message-id={message.id}>
      <span>{by === selfId ? t('bubble.recalledByMe') : t('bubble.recalledBy', { name: nameOf(by) })}</span>
    </div>
  );
}

/** A broadcast announcement in System notices: a title and its text. */
export function BroadcastRow({ message, time }: Readonly<{ message: Message; time: string }>) {
  const { t } = useTranslation('chats');
  const title = typeof message.body.title === 'string' ? message.body.title : t('bubble.broadcast');
  const text = typeof message.body.body === 'string' ? message.body.body : '';
  return (
    <article className="broadcast-row" data-testid="broadcast" data-message-id={message.id}>
      <header>
        <span className="broadcast-tag">{t('bubble.broadcast')}</span>
        <h3 className="broadcast-title">{title}</h3>
        <time>{time}</time>
      </header>
      <p className="bubble-text">{text}</p>
    </article>
  );
}
