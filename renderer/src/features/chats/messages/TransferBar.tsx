import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../../../shared/ipc/channels/files';
import { useFormat } from '../../../i18n/format';

/** How far an upload or download is; shown only while it is not done. */
export function TransferBar({ transfer }: Readonly<{ transfer: Transfer | null }>) {
  const { t } = useTranslation('chats');
  const format = useFormat();
  if (!transfer || transfer.state === 'done') return null;
  const total = transfer.bytesTotal;
  const percent = total ? Math.min(100, Math.round((transfer.bytesDone / total) * 100)) : undefined;
  const label =
    transfer.state === 'failed'
      ? t('bubble.transferFailed')
      : transfer.state === 'paused'
        ? t('bubble.transferPaused')
        : total
          ? `${format.bytes(transfer.bytesDone)} / ${format.bytes(total)}`
          : format.bytes(transfer.bytesDone);
  return (
    <div className={`transfer transfer-${transfer.state}`} data-testid="transfer" data-state={transfer.state}>
      {transfer.state === 'failed' || transfer.state === 'cancelled' ? null : (
        <progress max={100} aria-label={label} {...(percent === undefined ? {} : { value: percent })} />
      )}
      <span className="transfer-label">{label}</span>
    </div>
  );
}
