import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodes, type IpcError } from '../../../shared/ipc/errors';

/**
 * The sentence for an IPC error in the UI language. A code's translated sentence wins over the
 * engine's English message, except where the engine said something more specific than the code's
 * default (e.g. a validation message) and no translation applies.
 */
export function useErrorText(): (error: IpcError) => string {
  const { t } = useTranslation('common');
  return useCallback(
    (error: IpcError) =>
      (errorCodes as readonly string[]).includes(error.code) ? t(`errors.${error.code}`) : error.message,
    [t],
  );
}
