import type { NavigationInbox } from '../deepLinks/navigationInbox';
import type { DesktopOpeners } from '../system/desktopOpeners';
import type { UpdateController } from '../update/updateController';
import type { ShellHandlers } from './shellDispatch';

export type ShellHandlerDeps = Readonly<{
  updates: UpdateController;
  navigation: NavigationInbox;
  /** Shows the log file in the file manager; false when there is none yet. */
  revealLogs: () => boolean;
  /** Links and message files opened outside the app. */
  openers: DesktopOpeners;
}>;

/** What the shell answers on `update:*` and `app:*`. */
export function createShellHandlers({
  updates,
  navigation,
  revealLogs,
  openers,
}: ShellHandlerDeps): ShellHandlers {
  return {
    'update:state': () => Promise.resolve(updates.state()),
    'update:check': () => updates.check(),
    'update:download': () => updates.download(),
    'update:install': () => Promise.resolve(updates.install()),
    'app:openExternal': async ({ url }) => ({ opened: await openers.openExternal(url) }),
    'app:openFile': async ({ messageId }) => ({ opened: await openers.openMessageFile(messageId) }),
    'app:showFile': async ({ messageId }) => ({ shown: await openers.showMessageFile(messageId) }),
    'app:revealLogs': () => Promise.resolve({ shown: revealLogs() }),
    'app:takeNavigation': () => Promise.resolve(navigation.take()),
  };
}
