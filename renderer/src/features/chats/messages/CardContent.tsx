import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../../shared/ipc/models';
import { useApi } from '../../../api/apiContext';
import { Avatar } from '../../../components/Avatar';
import { useErrorText } from '../../../i18n/errorText';
import { useNavigation } from '../../../state/navigation';
import { useChatStoreApi } from '../../../state/storeContext';

/** A contact card: the default avatar, name and username, and "send message" / "add friend". */
export function CardContent({ message }: Readonly<{ message: Message }>) {
  const api = useApi();
  const { t } = useTranslation('chats');
  const errorText = useErrorText();
  const store = useChatStoreApi();
  const open = useNavigation((s) => s.openConversation);
  const userId = typeof message.body.userId === 'string' ? message.body.userId : '';
  const username = typeof message.body.username === 'string' ? message.body.username : null;
  const name = typeof message.body.displayName === 'string' ? message.body.displayName : (username ?? userId);
  const self = store.getState().account?.userId === userId;

  const sendMessage = (): void => {
    if (!username) return;
    void api.conversations.open({ username }).then((result) => {
      if (!result.ok) return store.getState().toast(errorText(result.error));
      store.getState().conversationsChanged([result.value]);
      open(result.value.id);
    });
  };
  const addFriend = (): void => {
    if (!username) return;
    void api.friends.request({ username }).then((result) => {
      if (!result.ok) store.getState().toast(errorText(result.error));
      else store.getState().toast(t('bubble.friendRequested'), 'info');
    });
  };

  return (
    <div className="card-content" data-testid="card-content">
      <div className="card-person">
        <Avatar id={userId || name} name={name} size="large" />
        <div>
          <div className="card-name">{name}</div>
          {username ? <div className="card-username">@{username}</div> : null}
        </div>
      </div>
      <div className="card-label">{t('bubble.card')}</div>
      {username && !self ? (
        <div className="card-actions">
          <button type="button" onClick={sendMessage} data-testid="card-send">
            {t('bubble.sendMessage')}
          </button>
          <button type="button" onClick={addFriend} data-testid="card-add">
            {t('bubble.addFriend')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
