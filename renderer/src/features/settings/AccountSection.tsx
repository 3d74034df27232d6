import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/apiContext';
import { Avatar } from '../../components/Avatar';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNavigationStore } from '../../state/navigation';
import { ProfileEditor } from './ProfileEditor';
import { useChatStore, useChatStoreApi } from '../../state/storeContext';

/** Who is signed in, where, their profile (Tidings accounts), and sign-out. */
export function AccountSection() {
  const { t } = useTranslation('settings');
  const api = useApi();
  const store = useChatStoreApi();
  const navigation = useNavigationStore();
  const account = useChatStore((s) => s.account);
  const [confirming, setConfirming] = useState(false);
  if (!account) return null;

  const logout = (): void => {
    setConfirming(false);
    void api.auth.logout({}).then((result) => {
      if (!result.ok) return;
      navigation.setState({ view: 'chats', conversationId: null, detailsOpen: false, jump: null });
      store.getState().signedIn(null);
    });
  };

  return (
    <section className="settings-section" aria-labelledby="settings-account">
      <h3 id="settings-account">{t('sections.account')}</h3>
      <div className="account-card">
        <Avatar id={account.userId} name={account.displayName} size="large" />
        <div>
          <div className="account-name" data-testid="settings-display-name">
            {account.displayName}
          </div>
          <div className="hint">@{account.username}</div>
        </div>
      </div>
      {account.mode === 'tidings' ? <ProfileEditor /> : null}
      <dl className="settings-facts">
        <dt>{t('account.server')}</dt>
        <dd>{account.serverUrl}</dd>
        <dt>{t('account.userId')}</dt>
        <dd>{account.userId}</dd>
        <dt>{t('account.mode')}</dt>
        <dd>{account.mode === 'basic' ? t('account.modeBasic') : t('account.modeTidings')}</dd>
      </dl>
      <button type="button" className="danger" onClick={() => setConfirming(true)} data-testid="logout">
        {t('account.logout')}
      </button>
      {confirming ? (
        <ConfirmDialog
          text={t('account.confirmLogout')}
          confirmLabel={t('account.logout')}
          onConfirm={logout}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
