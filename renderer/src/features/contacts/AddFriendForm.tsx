import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FRIEND_REQUEST_LENGTH } from '../../../../shared/protocol/social';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';

type Outcome = Readonly<{ tone: 'ok' | 'error'; text: string }>;

/** Asks someone, by username, to be friends, with a few words. */
export function AddFriendForm() {
  const { t } = useTranslation('contacts');
  const api = useApi();
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async () => {
    const name = username.trim();
    if (name === '' || busy) return;
    setBusy(true);
    setOutcome(null);
    const result = await api.friends.request({ username: name, message: message.trim() });
    setBusy(false);
    if (!result.ok) {
      setOutcome({ tone: 'error', text: errorText(result.error) });
      return;
    }
    setOutcome({
      tone: 'ok',
      text: t(result.value.relation === 'friend' ? 'add.nowFriends' : 'add.sent', { name }),
    });
    setUsername('');
    setMessage('');
  };

  return (
    <form
      className="add-friend"
      data-testid="add-friend-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{t('add.title')}</h2>
      <label>
        <span>{t('add.username')}</span>
        <input
          data-testid="add-friend-username"
          value={username}
          maxLength={64}
          autoComplete="off"
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label>
        <span>{t('add.message')}</span>
        <textarea
          data-testid="add-friend-message"
          value={message}
          rows={3}
          maxLength={MAX_FRIEND_REQUEST_LENGTH}
          placeholder={t('add.messagePlaceholder')}
          onChange={(e) => setMessage(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="social-action primary"
        data-testid="add-friend-submit"
        disabled={busy || username.trim() === ''}
      >
        {t('add.send')}
      </button>
      {outcome ? (
        <p
          className={outcome.tone === 'error' ? 'form-error' : 'social-ok'}
          role={outcome.tone === 'error' ? 'alert' : 'status'}
          data-testid="add-friend-outcome"
        >
          {outcome.text}
        </p>
      ) : null}
    </form>
  );
}
