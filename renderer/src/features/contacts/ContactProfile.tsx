import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/ipc/channels/contacts';
import type { Peer } from '../../../../shared/ipc/models';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { ConfirmButton } from './ConfirmButton';
import { Avatar } from './PresenceDot';
import { RemarkEditor } from './RemarkEditor';
import { usePresenceText } from './presenceText';
import { useContactActions } from './useContactActions';
import { contactName } from './useContacts';

export type ContactProfileProps = Readonly<{
  /** The contact, when the person is one (a friend, or blocked). */
  contact: Contact | null;
  /** Who it is when they are not a contact (e.g. the peer of a chat after unfriending). */
  peer: Peer;
  /** Offer "Send message" (not when the chat is what is already open). */
  showMessage: boolean;
}>;

/** A person: name, username, presence, the user's remark, and what can be done to them. */
export function ContactProfile({ contact, peer, showMessage }: ContactProfileProps) {
  const { t } = useTranslation('contacts');
  const api = useApi();
  const errorText = useErrorText();
  const actions = useContactActions();
  const presenceText = usePresenceText();
  const [requestState, setRequestState] = useState<string | null>(null);
  const name = contact ? contactName(contact) : peer.displayName;
  const isFriend = contact?.relation === 'friend';

  const addFriend = async () => {
    const result = await api.friends.request({ username: peer.username, message: '' });
    setRequestState(
      result.ok
        ? t(result.value.relation === 'friend' ? 'add.nowFriends' : 'add.sent', { name })
        : errorText(result.error),
    );
  };

  return (
    <div className="contact-profile" data-testid="contact-profile" data-user-id={peer.userId}>
      <div className="contact-profile-head">
        <Avatar name={name} presence={contact?.presence ?? null} size="large" />
        <div>
          <h2 data-testid="contact-profile-name">{name}</h2>
          {contact?.remark ? <p className="social-muted">{contact.displayName}</p> : null}
          <p className="social-muted" data-testid="contact-profile-username">
            @{peer.username}
          </p>
          {contact ? (
            <p className="social-muted" data-testid="contact-profile-presence">
              {presenceText(contact.presence)}
            </p>
          ) : null}
          {contact?.blocked ? <p className="contact-badge">{t('profile.blocked')}</p> : null}
          {!isFriend && !contact?.blocked ? <p className="social-muted">{t('profile.notAContact')}</p> : null}
        </div>
      </div>

      {contact ? (
        <RemarkEditor remark={contact.remark} onSave={(remark) => actions.setRemark(peer.userId, remark)} />
      ) : null}

      <div className="contact-actions">
        {showMessage && !contact?.blocked ? (
          <button
            type="button"
            className="social-action primary"
            data-testid="contact-message"
            onClick={() => void actions.message(peer)}
          >
            {t('profile.message')}
          </button>
        ) : null}
        {!isFriend && !contact?.blocked ? (
          <button
            type="button"
            className="social-action"
            data-testid="contact-add-friend"
            onClick={() => void addFriend()}
          >
            {t('profile.addFriend')}
          </button>
        ) : null}
        {isFriend ? (
          <ConfirmButton
            testId="contact-delete"
            question={t('profile.deleteQuestion', { name })}
            confirmLabel={t('profile.delete')}
            onConfirm={() => actions.remove(peer.userId)}
          >
            {t('profile.delete')}
          </ConfirmButton>
        ) : null}
        {contact?.blocked ? (
          <button
            type="button"
            className="social-action"
            data-testid="contact-unblock"
            onClick={() => void actions.unblock(peer.userId)}
          >
            {t('profile.unblock')}
          </button>
        ) : (
          <ConfirmButton
            testId="contact-block"
            question={t('profile.blockQuestion', { name })}
            confirmLabel={t('profile.block')}
            onConfirm={() => actions.block(peer.userId)}
          >
            {t('profile.block')}
          </ConfirmButton>
        )}
      </div>
      {requestState ? (
        <p className="social-muted" role="status" data-testid="contact-request-state">
          {requestState}
        </p>
      ) : null}
    </div>
  );
}
