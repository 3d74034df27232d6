import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/ipc/models';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';

export type NewChatFormProps = Readonly<{ onOpened: (conversation: Conversation) => void }>;

/** Opens (or finds) the one-to-one conversation with a username (a user id in basic mode). */
export function NewChatForm({ onOpened }: NewChatFormProps) {
  const api = useApi();
  const { t } = useTranslation('chats');
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const name = username.trim();
    if (!name) return;
    setBusy(true);
    setError(null);
    const result = await api.conversations.open({ username: name });
    setBusy(false);
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    setUsername('');
    onOpened(result.value);
  };

  return (
    <form className="new-chat" aria-label={t('list.newChat')} onSubmit={(event) => void open(event)}>
      <div className="new-chat-row">
        <input
          aria-label={t('list.newChatLabel')}
          placeholder={t('list.newChatPlaceholder')}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          data-testid="new-chat-input"
        />
        <button type="submit" disabled={busy || !username.trim()} data-testid="new-chat-submit">
          {t('list.newChatSubmit')}
        </button>
      </div>
      {error ? (
        <p className="form-error" role="alert" data-testid="new-chat-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
