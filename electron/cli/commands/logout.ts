import type { TidingsApi } from '../../../shared/ipc';
import { ExitCode } from '../cliError';
import { printLine, unwrap } from '../output';

/** `tidings logout`: forgets the account's tokens; the local history stays. */
export async function runLogout(api: TidingsApi): Promise<number> {
  const account = unwrap(await api.auth.current({}));
  unwrap(await api.auth.logout({}));
  printLine(account ? `Signed out ${account.username}.` : 'Nobody was signed in.');
  return ExitCode.ok;
}
