import { useCallback, useEffect, useState } from 'react';
import type { Transfer } from '../../../../../shared/ipc/channels/files';
import { useApi } from '../../../api/apiContext';

export type LocalFile = Readonly<{
  transfer: Transfer | null;
  path: string | null;
  thumbnailDataUrl: string | null;
}>;

const NONE: LocalFile = { transfer: null, path: null, thumbnailDataUrl: null };

/**
 * A message's file on this device and its transfer, kept current from `files:progress`. The
 * local copy is asked for again when a transfer finishes (the path and thumbnail appear then).
 */
export function useTransfer(messageId: string, enabled = true): LocalFile & { refresh(): void } {
  const api = useApi();
  const [local, setLocal] = useState<LocalFile>(NONE);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    void api.files.get({ messageId }).then((result) => {
      if (current && result.ok) setLocal(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, messageId, enabled, version]);

  useEffect(() => {
    if (!enabled) return undefined;
    return api.files.onProgress((transfer) => {
      if (transfer.messageId !== messageId) return;
      setLocal((previous) => ({ ...previous, transfer }));
      if (transfer.state === 'done') refresh();
    });
  }, [api, messageId, enabled, refresh]);

  return { ...local, refresh };
}
