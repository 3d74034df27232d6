import { useTranslation } from 'react-i18next';
import { TwoPane } from '../../app/TwoPane';
import { useNavigation } from '../../state/navigation';
import { useChatStore } from '../../state/storeContext';
import { DetailsPanel } from '../details';
import { ChatPane } from './ChatPane';
import { ConversationListPane } from './ConversationListPane';
import './chats.css';

/** The chats view: conversations on the left, the open one in the middle, its details on the right. */
export function ChatsView() {
  const { t } = useTranslation('chats');
  const selectedId = useNavigation((s) => s.conversationId);
  const detailsOpen = useNavigation((s) => s.detailsOpen);
  const selected = useChatStore((s) => s.conversations.find((c) => c.id === selectedId) ?? null);

  return (
    <TwoPane
      testId="chat-screen"
      label={t('list.label')}
      list={<ConversationListPane />}
      main={
        selected ? (
          <ChatPane key={selected.id} conversation={selected} />
        ) : (
          <p className="empty-hint pane-empty">{t('pane.empty')}</p>
        )
      }
      aside={selected && detailsOpen && selected.kind !== 'system' ? <DetailsPanel /> : undefined}
    />
  );
}
