import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodes } from '../../../shared/ipc/errors';

/**
 * The sentence for an IPC error in the UI language. A code's translated sentence wins over the
 * engine's English message, except where the engine said something more specific than the code's
 * default (e.g. a validation message) and no translation applies.
 */
/** Takes an IPC error, or any {code, message} (a server's refusal): known codes are translated. */
export function useErrorText(): (error: Readonly<{ code: string; message: string }>) => string {
  const { t } = useTranslation('common');
  return useCallback(
    (error: Readonly<{ code: string; message: string }>) =>
      (errorCodes as readonly string[]).includes(error.code) ? t(`errors.${error.code}`) : error.message,
    [t],
  );
}
