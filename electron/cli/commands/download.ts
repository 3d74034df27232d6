import path from 'node:path';
import type { TidingsApi } from '../../../shared/ipc';
import type { Transfer } from '../../../shared/ipc/channels/files';
import { CliError, ExitCode } from '../cliError';
import { requireAccount, waitForConnection } from '../engineWaits';
import { note, printJson, printLine, unwrap } from '../output';

export const DOWNLOAD_USAGE = 'download <message-id> [--to <dir>] [--json] [--timeout <seconds>]';

export type DownloadCliRequest = Readonly<{ messageId: string; dir: string | null }>;

/** A mistake in a `download` command line; the caller turns it into its usage error. */
export class DownloadUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadUsageError';
  }
}

/** Parses what follows `tidings download`; `to` is the `--to` option (relative to the working folder). */
export function parseDownloadArgs(args: readonly string[], to: string | undefined): DownloadCliRequest {
  const [messageId, extra] = args;
  if (extra !== undefined) throw new DownloadUsageError(`unexpected argument "${extra}"`);
  if (messageId === undefined || messageId.trim() === '')
    throw new DownloadUsageError('<message-id> is required');
  if (to !== undefined && to.trim() === '') throw new DownloadUsageError('--to needs a folder');
  return { messageId, dir: to === undefined ? null : path.resolve(to) };
}

const units = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}

/** Prints a transfer's progress on stderr: every state change, and every tenth of the way. */
export function createProgressPrinter(verb: string): (transfer: Transfer) => void {
  let lastState = '';
  let lastTenth = -1;
  return (transfer) => {
    const total = transfer.bytesTotal;
    const tenth = total ? Math.floor((transfer.bytesDone / total) * 10) : -1;
    if (transfer.state === lastState && tenth === lastTenth) return;
    lastState = transfer.state;
    lastTenth = tenth;
    const amount =
      total === null
        ? formatBytes(transfer.bytesDone)
        : `${formatBytes(transfer.bytesDone)} of ${formatBytes(total)}`;
    const percent = total ? ` ${Math.floor((transfer.bytesDone / total) * 100)}%` : '';
    note(`${verb} ${transfer.name}: ${transfer.state}${percent} (${amount})`);
  };
}

const finished = (t: Transfer): boolean =>
  t.state === 'done' || t.state === 'failed' || t.state === 'cancelled';

/**
 * Waits for the transfer of `messageId` to finish, printing its progress. Resolves with the last
 * transfer seen, or null when the time ran out first.
 */
export function waitForTransfer(
  api: TidingsApi,
  messageId: string,
  first: Transfer,
  timeoutMs: number,
  print: (transfer: Transfer) => void,
): Promise<Transfer | null> {
  print(first);
  if (finished(first)) return Promise.resolve(first);
  return new Promise<Transfer | null>((resolve) => {
    const end = (result: Transfer | null): void => {
      clearTimeout(timer);
      off();
      resolve(result);
    };
    const timer = setTimeout(() => end(null), timeoutMs);
    const off = api.files.onProgress((transfer) => {
      if (transfer.messageId !== messageId) return;
      print(transfer);
      if (finished(transfer)) end(transfer);
    });
    // It may have finished between the request and the subscription.
    void api.files.get({ messageId }).then((result) => {
      const latest = result.ok ? result.value.transfer : null;
      if (latest && finished(latest) && latest.direction === first.direction) end(latest);
    });
  });
}

type Options = Readonly<{ json: boolean; timeoutMs: number }>;

/**
 * `tidings download <message-id> [--to DIR]`: saves the file of an image or file message into
 * the downloads folder (or DIR) under a safe unique name and prints where. Not done in time, it
 * goes on the next time the engine runs (exit 3).
 */
export async function runDownloadCommand(
  api: TidingsApi,
  request: DownloadCliRequest,
  options: Options,
): Promise<number> {
  await requireAccount(api);
  // A message that arrived while nothing ran is known only after a sync.
  const state = await waitForConnection(api, options.timeoutMs);
  if (state.status === 'online') unwrap(await api.sync.now({}));
  const started = unwrap(
    await api.files.download({
      messageId: request.messageId,
      ...(request.dir === null ? {} : { dir: request.dir }),
    }),
  );
  const done = await waitForTransfer(
    api,
    request.messageId,
    started,
    options.timeoutMs,
    createProgressPrinter('downloading'),
  );
  if (done === null) {
    note('Not finished in time: the download resumes the next time tidings runs.');
    if (options.json) printJson({ id: request.messageId, state: 'running' });
    return ExitCode.timeout;
  }
  if (done.state !== 'done') throw new CliError(`The download failed: ${done.error?.message ?? done.state}`);
  if (options.json) printJson({ id: request.messageId, path: done.path, size: done.bytesTotal });
  else printLine(done.path ?? '');
  return ExitCode.ok;
}
