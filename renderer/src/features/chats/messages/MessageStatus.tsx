import { useTranslation } from 'react-i18next';
import type { MessageStatus as Status } from '../../../../../shared/ipc/models';

export type MessageStatusProps = Readonly<{ status: Status; onRetry?: () => void }>;

/**
 * The delivery mark of an outgoing message. A failed one is a button that sends it again;
 * the others are images with their label as accessible name.
 */
export function MessageStatus({ status, onRetry }: MessageStatusProps) {
  const { t } = useTranslation('chats');
  if (status === 'received') return null;
  if (status === 'failed')
    return (
      <button
        type="button"
        className="message-status status-failed"
        aria-label={t('status.retry')}
        title={t('status.retry')}
        data-testid="message-status"
        data-status="failed"
        onClick={onRetry}
      >
        ⚠ <span className="status-text">{t('status.failed')}</span>
      </button>
    );
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
