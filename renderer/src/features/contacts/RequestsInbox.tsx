import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FriendRequest } from '../../../../shared/ipc/channels/contacts';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { useFormat } from '../../i18n/format';
import { useChatStoreApi } from '../../state/storeContext';
import { Avatar } from './PresenceDot';

/** Friend requests: incoming ones to accept or reject, and the user's own still waiting. */
export function RequestsInbox({ requests }: Readonly<{ requests: readonly FriendRequest[] }>) {
  const { t } = useTranslation('contacts');
  const api = useApi();
  const store = useChatStoreApi();
  const errorText = useErrorText();
  const format = useFormat();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const incoming = requests.filter((r) => r.direction === 'incoming');
  const outgoing = requests.filter((r) => r.direction === 'outgoing');

  const answer = async (userId: string, accept: boolean) => {
    setBusy((s) => new Set(s).add(userId));
    const result = accept ? await api.friends.accept({ userId }) : await api.friends.reject({ userId });
    if (!result.ok) store.getState().toast(errorText(result.error));
    setBusy((s) => {
      const next = new Set(s);
      next.delete(userId);
      return next;
    });
  };

  const item = (request: FriendRequest) => (
    <li
      key={`${request.direction}:${request.userId}`}
      className="request-item"
      data-testid="friend-request"
      data-direction={request.direction}
      data-user-id={request.userId}
    >
      <Avatar name={request.displayName} />
      <div className="request-text">
        <span className="request-name">
          {request.displayName} <span className="social-muted">@{request.username}</span>
        </span>
        {request.message ? <span className="request-message">{request.message}</span> : null}
        <time className="social-muted" dateTime={new Date(request.at).toISOString()}>
          {format.dateTime(request.at)}
        </time>
      </div>
      {request.direction === 'incoming' ? (
        <span className="request-actions">
          <button
            type="button"
            className="social-action primary"
            data-testid="friend-request-accept"
            aria-label={t('requests.acceptFrom', { name: request.displayName })}
            disabled={busy.has(request.userId)}
            onClick={() => void answer(request.userId, true)}
          >
            {t('requests.accept')}
          </button>
          <button
            type="button"
            className="social-action"
            data-testid="friend-request-reject"
            aria-label={t('requests.rejectFrom', { name: request.displayName })}
            disabled={busy.has(request.userId)}
            onClick={() => void answer(request.userId, false)}
          >
            {t('requests.reject')}
          </button>
        </span>
      ) : (
        <span className="social-muted">{t('requests.waiting')}</span>
      )}
    </li>
  );

  return (
    <div className="requests-inbox" data-testid="friend-requests">
      <h2>{t('requests.title')}</h2>
      {requests.length === 0 ? <p className="social-muted">{t('requests.none')}</p> : null}
      {incoming.length > 0 ? (
        <section aria-label={t('requests.incoming')}>
          <h3>{t('requests.incoming')}</h3>
          <ul className="request-list">{incoming.map(item)}</ul>
        </section>
      ) : null}
      {outgoing.length > 0 ? (
        <section aria-label={t('requests.outgoing')}>
          <h3>{t('requests.outgoing')}</h3>
          <ul className="request-list">{outgoing.map(item)}</ul>
        </section>
      ) : null}
    </div>
  );
}
