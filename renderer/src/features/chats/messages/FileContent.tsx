import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../../shared/ipc/models';
import type { Result } from '../../../../../shared/ipc/errors';
import { useApi } from '../../../api/apiContext';
import { useErrorText } from '../../../i18n/errorText';
import { useFormat } from '../../../i18n/format';
import { useChatStoreApi } from '../../../state/storeContext';
import { TransferBar } from './TransferBar';
import { useTransfer } from './useTransfer';

/** A file: name, size, progress, and the actions that fit where it is (download, open, show, retry). */
export function FileContent({ message }: Readonly<{ message: Message }>) {
  const api = useApi();
  const { t } = useTranslation('chats');
  const format = useFormat();
  const errorText = useErrorText();
  const store = useChatStoreApi();
  const local = useTransfer(message.id);
  const name = typeof message.body.name === 'string' ? message.body.name : t('preview.file');
  const size =
    typeof message.body.size === 'number' ? message.body.size : (local.transfer?.bytesTotal ?? null);
  const state = local.transfer?.state;
  const moving = state === 'queued' || state === 'running' || state === 'paused';
  const stopped = state === 'failed' || state === 'cancelled';

  const report = (pending: Promise<Result<unknown>>): void => {
    void pending.then((result) => {
      if (!result.ok) store.getState().toast(errorText(result.error));
      else local.refresh();
    });
  };
  const openOrFail = (pending: Promise<Result<{ opened: boolean } | { shown: boolean }>>): void => {
    void pending.then((result) => {
      if (!result.ok) store.getState().toast(errorText(result.error));
    });
  };

  return (
    <div className="file-content" data-testid="file-content">
      <span className="file-icon" aria-hidden="true">
        📄
      </span>
      <div className="file-info">
        <span className="file-name" data-testid="file-name">
          {name}
        </span>
        {size !== null ? <span className="file-size">{format.bytes(size)}</span> : null}
        <TransferBar transfer={local.transfer} />
        <div className="file-actions">
          {local.path ? (
            <>
              <button
                type="button"
                onClick={() => openOrFail(api.app.openFile({ messageId: message.id }))}
                data-testid="file-open"
              >
                {t('bubble.open')}
              </button>
              <button
                type="button"
                onClick={() => openOrFail(api.app.showFile({ messageId: message.id }))}
                data-testid="file-show"
              >
                {t('bubble.showInFolder')}
              </button>
            </>
          ) : null}
          {!local.path && !moving && !stopped ? (
            <button
              type="button"
              onClick={() => report(api.files.download({ messageId: message.id }))}
              data-testid="file-download"
            >
              {t('bubble.download')}
            </button>
          ) : null}
          {moving ? (
            <button
              type="button"
              onClick={() => report(api.files.cancel({ messageId: message.id }))}
              data-testid="file-cancel"
            >
              {t('bubble.cancelTransfer')}
            </button>
          ) : null}
          {stopped ? (
            <button
              type="button"
              onClick={() => report(api.files.retry({ messageId: message.id }))}
              data-testid="file-retry"
            >
              {t('bubble.retryTransfer')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
