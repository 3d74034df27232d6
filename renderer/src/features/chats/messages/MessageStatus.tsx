import { useTranslation } from 'react-i18next';
import type { Message, MessageStatus as Status } from '../../../../../shared/ipc/models';
import { useErrorText } from '../../../i18n/errorText';

export type MessageStatusProps = Readonly<{
  status: Status;
  onRetry?: () => void;
  /** Why the server refused it, when it said. */
  failure?: Message['failure'];
}>;

/**
 * The delivery mark of an outgoing message. A failed one is a button that sends it again;
 * the others are images with their label as accessible name.
 */
export function MessageStatus({ status, onRetry, failure }: MessageStatusProps) {
  const { t } = useTranslation('chats');
  const errorText = useErrorText();
  if (status === 'received') return null;
  if (status === 'failed') {
    const label = failure ? `${errorText(failure)} ${t('status.retry')}` : t('status.retry');
    return (
      <button
        type="button"
        className="message-status status-failed"
        aria-label={label}
        title={label}
        data-testid="message-status"
        data-status="failed"
        onClick={onRetry}
      >
        ⚠ <span className="status-text">{t('status.failed')}</span>
      </button>
    );
  }
  const label = t(`status.${status}`);
  return (
    <span
      className={`message-status status-${status}`}
      role="img"
      aria-label={label}
      title={label}
      data-testid="message-status"
      data-status={status}
    >
      {status === 'sending' ? (
        <span className="spinner" aria-hidden="true" />
      ) : status === 'read' ? (
        '✓✓'
      ) : (
        '✓'
      )}
    </span>
  );
}
