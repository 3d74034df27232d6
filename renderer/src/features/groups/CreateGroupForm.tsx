import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/ipc/channels/contacts';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { useNavigationStore } from '../../state/navigation';
import { useChatStoreApi } from '../../state/storeContext';
import { FriendPicker } from './FriendPicker';

/** Names a new group and picks its first members from friends; the new group's chat opens at once. */
export function CreateGroupForm({ friends }: Readonly<{ friends: readonly Contact[] }>) {
  const { t } = useTranslation('groups');
  const api = useApi();
  const store = useChatStoreApi();
  const navigation = useNavigationStore();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    if (name.trim() === '' || busy) return;
    setBusy(true);
    setError(null);
    const result = await api.groups.create({ name: name.trim(), memberIds: [...picked] });
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    store.getState().conversationsChanged([result.value.conversation]);
    navigation.getState().openConversation(result.value.conversation.id);
  };

  return (
    <form
      className="create-group"
      data-testid="create-group-form"
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <h2>{t('create.title')}</h2>
      <label>
        <span>{t('create.name')}</span>
        <input
          data-testid="create-group-name"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <FriendPicker friends={friends} picked={picked} onChange={setPicked} />
      <button
        type="submit"
        className="social-action primary"
        data-testid="create-group-submit"
        disabled={busy || name.trim() === ''}
      >
        {t('create.submit')}
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
