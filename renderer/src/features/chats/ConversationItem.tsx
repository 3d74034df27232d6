import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/ipc/models';
import { Avatar } from '../../components/Avatar';
import { useFormat } from '../../i18n/format';
import { previewText } from './previewText';

export type ConversationItemProps = Readonly<{
  conversation: Conversation;
  selected: boolean;
  focusable: boolean;
  onSelect: () => void;
  onMenu: (event: MouseEvent<HTMLElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  buttonRef: (element: HTMLButtonElement | null) => void;
}>;

/** One row: avatar, name, time, preview (or draft / mention marker), unread badge, pin and mute. */
export function ConversationItem({
  conversation: c,
  selected,
  focusable,
  onSelect,
  onMenu,
  onKeyDown,
  buttonRef,
}: ConversationItemProps) {
  const { t } = useTranslation('chats');
  const format = useFormat();
  const last = c.lastMessage;
  const draft = c.draft.trim();
  // The engine names System notices once, in no language; the page names it in the user's.
  const title = c.kind === 'system' ? t('pane.systemTitle') : c.title;

  let preview: React.ReactNode = last
    ? `${last.outgoing ? t('list.you') : ''}${previewText(last.preview, t)}`
    : ' ';
  if (draft && !selected)
    preview = (
      <>
        <span className="draft-marker">{t('list.draft')}</span> {draft}
      </>
    );
  else if (c.mentioned && c.unread > 0)
    preview = (
      <>
        <span className="mention-marker">{t('list.mentioned')}</span> {preview}
      </>
    );

  const badgeLabel = t('list.unread', { count: c.unread });
  return (
    <li role="none">
      <button
        ref={buttonRef}
        type="button"
        role="option"
        aria-selected={selected}
        className={`conversation-item${selected ? ' selected' : ''}${c.pinned ? ' pinned' : ''}${c.muted ? ' muted' : ''}`}
        tabIndex={focusable ? 0 : -1}
        onClick={onSelect}
        onContextMenu={onMenu}
        onKeyDown={onKeyDown}
        data-testid="conversation-item"
        data-conversation-id={c.id}
        data-pinned={c.pinned || undefined}
        data-muted={c.muted || undefined}
      >
        <Avatar id={c.peer?.userId ?? c.id} name={title} />
        <span className="conversation-title">{title}</span>
        <span className="conversation-time">{last ? format.listTime(last.sentAt) : ''}</span>
        <span className="conversation-preview">{preview}</span>
        <span className="conversation-flags">
          {c.pinned ? (
            <span className="flag-pinned" role="img" aria-label={t('list.pinned')} title={t('list.pinned')}>
              📌
            </span>
          ) : null}
          {c.muted ? (
            <span className="flag-muted" role="img" aria-label={t('list.muted')} title={t('list.muted')}>
              🔕
            </span>
          ) : null}
          {c.unread > 0 ? (
            <span
              className={`unread-badge${c.muted ? ' quiet' : ''}`}
              role="img"
              aria-label={badgeLabel}
              data-testid="unread-badge"
            >
              {c.unread > 99 ? '99+' : format.number(c.unread)}
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
}
