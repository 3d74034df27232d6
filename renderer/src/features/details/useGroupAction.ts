import { useCallback } from 'react';
import type { Group } from '../../../../shared/ipc/channels/groups';
import type { Result } from '../../../../shared/ipc/errors';
import { useErrorText } from '../../i18n/errorText';
import { useChatStoreApi } from '../../state/storeContext';

/**
 * Runs a group command: a failure becomes a toast with the human sentence (e.g. the server's
 * "Only the owner may do that."), a success hands the updated group on. Says whether it worked.
 */
export function useGroupAction(onChanged?: (group: Group) => void) {
  const store = useChatStoreApi();
  const errorText = useErrorText();
  return useCallback(
    async (action: Promise<Result<Group>>): Promise<boolean> => {
      const result = await action;
      if (!result.ok) {
        store.getState().toast(errorText(result.error));
        return false;
      }
      onChanged?.(result.value);
      return true;
    },
    [store, errorText, onChanged],
  );
}
