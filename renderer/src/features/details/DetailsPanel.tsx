import { useTranslation } from 'react-i18next';
import type { Group } from '../../../../shared/ipc/channels/groups';
import type { Conversation } from '../../../../shared/ipc/models';
import { useNavigation } from '../../state/navigation';
import { useChatStore } from '../../state/storeContext';
import { ContactProfile } from '../contacts/ContactProfile';
import { useContacts } from '../contacts/useContacts';
import { useGroups } from '../groups/useGroups';
import { GroupDetails } from './GroupDetails';
import '../contacts/contacts.css';
import './details.css';

/** What the conversation says about its group, until the engine's group list has it. */
function groupFromConversation(conversation: Conversation): Group | null {
  const g = conversation.group;
  if (!g) return null;
  return {
    groupId: g.groupId,
    conversationId: conversation.id,
    name: conversation.title,
    notice: '',
    ownerId: '',
    memberCount: g.memberCount,
    myRole: g.state === 'member' ? g.role : null,
    myNickname: '',
    state: g.state,
  };
}

function DirectDetails({ conversation }: Readonly<{ conversation: Conversation }>) {
  const { contacts } = useContacts({ refreshPresence: true });
  const peer = conversation.peer;
  if (!peer) return null;
  const contact = contacts.find((c) => c.userId === peer.userId) ?? null;
  return <ContactProfile contact={contact} peer={peer} showMessage={false} />;
}

function GroupConversationDetails({ conversation }: Readonly<{ conversation: Conversation }>) {
  const { groups, apply } = useGroups();
  const { contacts } = useContacts();
  const fallback = groupFromConversation(conversation);
  const known = groups.find((g) => g.conversationId === conversation.id || g.groupId === fallback?.groupId);
  // The conversation's standing is what the message pane obeys; the panel must not offer more.
  const group =
    known && fallback && fallback.state !== 'member' && known.state === 'member'
      ? { ...known, state: fallback.state, myRole: null }
      : (known ?? fallback);
  if (!group) return null;
  return <GroupDetails key={group.groupId} group={group} friends={contacts} onChanged={apply} />;
}

/**
 * The right-hand panel of the open conversation, toggled from the chat header: the peer's
 * profile for a one-to-one chat, the group's members, notice and actions for a group.
 */
export function DetailsPanel() {
  const { t } = useTranslation('details');
  const conversationId = useNavigation((s) => s.conversationId);
  const close = useNavigation((s) => s.setDetailsOpen);
  const conversation = useChatStore((s) => s.conversations.find((c) => c.id === conversationId) ?? null);

  let body;
  if (!conversation) body = null;
  else if (conversation.kind === 'group' || conversation.group)
    body = <GroupConversationDetails conversation={conversation} />;
  else if (conversation.peer) body = <DirectDetails conversation={conversation} />;
  else body = <p className="social-muted">{t('system')}</p>;

  return (
    <div className="details-panel" data-testid="details-panel" aria-label={t('title')}>
      <header className="details-panel-bar">
        <h2 className="details-panel-title">{t('title')}</h2>
        <button
          type="button"
          className="icon-button"
          data-testid="details-close"
          aria-label={t('close')}
          onClick={() => close(false)}
        >
          ×
        </button>
      </header>
      <div className="details-panel-body">{body}</div>
    </div>
  );
}
