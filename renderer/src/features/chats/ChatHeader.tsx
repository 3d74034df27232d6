import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/ipc/models';
import { Avatar } from '../../components/Avatar';
import { useFormat } from '../../i18n/format';
import { useNavigation } from '../../state/navigation';

/** The open conversation's name, who it is (username or member count) and the details toggle. */
export function ChatHeader({ conversation }: Readonly<{ conversation: Conversation }>) {
  const { t } = useTranslation(['chats', 'app']);
  const format = useFormat();
  const detailsOpen = useNavigation((s) => s.detailsOpen);
  const toggleDetails = useNavigation((s) => s.toggleDetails);
  const title = conversation.kind === 'system' ? t('pane.systemTitle') : conversation.title;
  const subtitle = conversation.peer
    ? `@${conversation.peer.username}`
    : conversation.group
      ? t('pane.members', {
          count: conversation.group.memberCount,
          formatted: format.number(conversation.group.memberCount),
        })
      : null;
  return (
    <header className="pane-header" data-testid="chat-header">
      <Avatar id={conversation.peer?.userId ?? conversation.id} name={title} />
      <div className="pane-title">
        <h2>{title}</h2>
        {subtitle ? <span className="peer-username">{subtitle}</span> : null}
      </div>
      {conversation.kind !== 'system' ? (
        <button
          type="button"
          className={`icon-button details-toggle${detailsOpen ? ' active' : ''}`}
          aria-label={detailsOpen ? t('app:details.hide') : t('app:details.show')}
          aria-pressed={detailsOpen}
          title={detailsOpen ? t('app:details.hide') : t('app:details.show')}
          onClick={toggleDetails}
          data-testid="details-toggle"
        >
          ⋯
        </button>
      ) : null}
    </header>
  );
}
