import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../../../shared/ipc/models';
import { useApi } from '../../api/apiContext';
import { useChatStore, useChatStoreApi } from '../../state/storeContext';
import { useNow } from './useNow';

type Tone = 'info' | 'warning' | 'error';

/** What the connection looks like when it is not simply online; nothing is shown when it is. */
export function ConnectionBanner() {
  const { t } = useTranslation('status');
  const api = useApi();
  const store = useChatStoreApi();
  const connection = useChatStore((s) => s.connection);
  const now = useNow(connection?.status === 'reconnecting');

  if (!connection || connection.status === 'online' || connection.status === 'signed-out') return null;

  const retry = (): void => {
    void api.connection.retryNow({}).then((result) => {
      if (result.ok) store.getState().connectionChanged(result.value);
    });
  };
  const signOut = (): void => {
    void api.auth.logout({}).then(() => store.getState().signedIn(null));
  };

  const [tone, text, action]: [Tone, string, { label: string; run: () => void } | null] = describe(
    connection,
    now,
  );

  function describe(
    state: ConnectionState,
    at: number,
  ): [Tone, string, { label: string; run: () => void } | null] {
    switch (state.status) {
      case 'connecting':
        return ['info', t('banner.connecting'), null];
      case 'reconnecting': {
        const seconds = Math.max(0, Math.ceil((state.nextAttemptAt - at) / 1000));
        const sentence =
          seconds > 0 ? t('banner.reconnecting', { count: seconds }) : t('banner.reconnectingNow');
        return ['warning', sentence, { label: t('banner.retryNow'), run: retry }];
      }
      case 'offline':
        return ['warning', t('banner.offline'), null];
      case 'kicked':
        return ['error', t(`banner.kicked.${state.reason}`), { label: t('banner.signInAgain'), run: retry }];
      case 'auth-failed':
        return [
          'error',
          t(`banner.authFailed.${state.reason}`),
          { label: t('banner.signOut'), run: signOut },
        ];
      case 'basic':
        return ['info', t('banner.basic'), null];
      default:
        return ['info', '', null];
    }
  }

  return (
    <div
      className={`connection-banner tone-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="connection-banner"
      data-status={connection.status}
    >
      <span className="banner-text">{text}</span>
      {action ? (
        <button type="button" className="banner-action" onClick={action.run} data-testid="banner-action">
          {action.label}
        </button>
      ) : null}
    </div>
  );
}
