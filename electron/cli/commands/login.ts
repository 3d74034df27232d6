import type { Account, Result, TidingsApi } from '../../../shared/ipc';
import type { Command } from '../args';
import { ExitCode } from '../cliError';
import { waitForConnection } from '../engineWaits';
import { describeAccount, describeConnection, note, printJson, printLine, unwrap } from '../output';

type SignInCommand = Extract<Command, { kind: 'login' | 'login-basic' | 'register' }>;

function signIn(api: TidingsApi, command: SignInCommand): Promise<Result<Account>> {
  switch (command.kind) {
    case 'login':
      return api.auth.login({
        serverUrl: command.server,
        username: command.user,
        password: command.password,
      });
    case 'register':
      return api.auth.register({
        serverUrl: command.server,
        username: command.user,
        password: command.password,
        displayName: command.displayName,
      });
    case 'login-basic':
      return api.auth.loginBasic({
        wsUrl: command.server,
        userId: command.user,
        token: command.token,
        senseMode: command.senseMode,
      });
  }
}

/** `tidings login` and `tidings register`: the account and its tokens stay in the data dir. */
export async function runLogin(api: TidingsApi, command: SignInCommand): Promise<number> {
  const account = unwrap(await signIn(api, command));
  const state = await waitForConnection(api, command.timeoutMs);
  if (command.json) printJson({ account, connection: state });
  else printLine(`Signed in as ${describeAccount(account)}: ${describeConnection(state)}.`);
  if (state.status !== 'online' && state.status !== 'basic')
    note('Not connected yet; the account is saved and the next tidings command connects again.');
  return ExitCode.ok;
}
