import type { NavigationInbox } from '../deepLinks/navigationInbox';
import type { UpdateController } from '../update/updateController';
import type { ShellHandlers } from './shellDispatch';

export type ShellHandlerDeps = Readonly<{
  updates: UpdateController;
  navigation: NavigationInbox;
  /** Shows the log file in the file manager; false when there is none yet. */
  revealLogs: () => boolean;
}>;

/** What the shell answers on `update:*` and `app:*`. */
export function createShellHandlers({ updates, navigation, revealLogs }: ShellHandlerDeps): ShellHandlers {
  return {
    'update:state': () => Promise.resolve(updates.state()),
    'update:check': () => updates.check(),
    'update:download': () => updates.download(),
    'update:install': () => Promise.resolve(updates.install()),
    'app:revealLogs': () => Promise.resolve({ shown: revealLogs() }),
    'app:takeNavigation': () => Promise.resolve(navigation.take()),
  };
}
