import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/ipc/models';
import { ContextMenu, isMenuKey, useContextMenu, type MenuItem } from '../../components/ContextMenu';
import { ConversationItem } from './ConversationItem';

export type ConversationActions = Readonly<{
  pin(conversation: Conversation): void;
  mute(conversation: Conversation): void;
  markRead(conversation: Conversation): void;
  remove(conversation: Conversation): void;
}>;

export type ConversationListProps = Readonly<{
  conversations: readonly Conversation[];
  selectedId: string | null;
  onSelect: (conversationId: string) => void;
  actions: ConversationActions;
}>;

/**
 * The list of conversations, a listbox: arrow keys, Home and End move, Enter opens, the
 * context-menu key or Shift+F10 opens the same menu as a right click.
 */
export function ConversationList({ conversations, selectedId, onSelect, actions }: ConversationListProps) {
  const { t } = useTranslation('chats');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const menu = useContextMenu<Conversation>();

  if (conversations.length === 0) return <p className="empty-hint list-empty">{t('list.empty')}</p>;
  const focusId = conversations.some((c) => c.id === selectedId) ? selectedId : conversations[0]?.id;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number, conversation: Conversation): void => {
    if (isMenuKey(event)) {
      event.preventDefault();
      menu.openBelow(conversation, event.currentTarget);
      return;
    }
    const target =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? conversations.length - 1
              : null;
    if (target === null) return;
    event.preventDefault();
    const next = conversations[Math.max(0, Math.min(conversations.length - 1, target))];
    if (next) buttons.current.get(next.id)?.focus();
  };

  const items = (c: Conversation): MenuItem[] => [
    { id: 'pin', label: c.pinned ? t('list.unpin') : t('list.pin'), run: () => actions.pin(c) },
    { id: 'mute', label: c.muted ? t('list.unmute') : t('list.mute'), run: () => actions.mute(c) },
    { id: 'mark-read', label: t('list.markRead'), run: () => actions.markRead(c), disabled: c.unread === 0 },
    { id: 'delete', label: t('list.delete'), run: () => actions.remove(c), danger: true },
  ];

  return (
    <>
      <ul
        className="conversation-list"
        role="listbox"
        aria-label={t('list.label')}
        data-testid="conversation-list"
      >
        {conversations.map((conversation, index) => (
          <ConversationItem
            key={conversation.id}
            conversation={conversation}
            selected={conversation.id === selectedId}
            focusable={conversation.id === focusId}
            onSelect={() => onSelect(conversation.id)}
            onMenu={(event) => menu.openAt(conversation, event)}
            onKeyDown={(event) => onKeyDown(event, index, conversation)}
            buttonRef={(element) => {
              if (element) buttons.current.set(conversation.id, element);
              else buttons.current.delete(conversation.id);
            }}
          />
        ))}
      </ul>
      {menu.open ? (
        <ContextMenu
          items={items(menu.open.target)}
          position={menu.open.position}
          label={t('list.menuLabel')}
          onClose={menu.close}
        />
      ) : null}
    </>
  );
}
