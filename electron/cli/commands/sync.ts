import type { SyncProgress, TidingsApi } from '../../../shared/ipc';
import type { Command } from '../args';
import { CliError, ExitCode } from '../cliError';
import { requireAccount, waitForConnection } from '../engineWaits';
import { describeConnection, note, printJson, printLine, unwrap } from '../output';

/** Waits until the outbox is empty or the time is up; answers the last progress seen. */
function drainOutbox(api: TidingsApi, first: SyncProgress, timeoutMs: number): Promise<SyncProgress> {
  if (first.pendingSends === 0) return Promise.resolve(first);
  return new Promise((resolve) => {
    let latest = first;
    const finish = (): void => {
      clearTimeout(timer);
      off();
      resolve(latest);
    };
    const timer = setTimeout(finish, timeoutMs);
    const off = api.sync.onProgress((progress) => {
      latest = progress;
      if (progress.pendingSends === 0) finish();
    });
    void api.sync.get({}).then((result) => {
      if (result.ok && result.value.pendingSends === 0) {
        latest = result.value;
        finish();
      }
    });
  });
}

/** `tidings sync`: connects, pulls everything new, and sends what waits in the outbox. */
export async function runSync(api: TidingsApi, command: Extract<Command, { kind: 'sync' }>): Promise<number> {
  await requireAccount(api);
  const deadline = Date.now() + command.timeoutMs;
  const state = await waitForConnection(api, command.timeoutMs);
  if (state.status !== 'online' && state.status !== 'basic')
    throw new CliError(
      `Cannot sync: ${describeConnection(state)}.`,
      state.status === 'reconnecting' || state.status === 'connecting' || state.status === 'offline'
        ? ExitCode.timeout
        : ExitCode.failed,
    );
  const pulled = state.status === 'online' ? unwrap(await api.sync.now({})) : unwrap(await api.sync.get({}));
  const progress = await drainOutbox(api, pulled, Math.max(0, deadline - Date.now()));
  if (command.json) printJson(progress);
  else
    printLine(
      `Synced: ${pulled.applied} new message${pulled.applied === 1 ? '' : 's'}` +
        (progress.pendingSends > 0 ? `, ${progress.pendingSends} still waiting to be sent.` : '.'),
    );
  if (progress.pendingSends > 0) {
    note('Some messages are not acknowledged yet; they stay queued.');
    return ExitCode.timeout;
  }
  return ExitCode.ok;
}
