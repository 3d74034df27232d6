import path from 'node:path';
import type { Conversation, Message, TidingsApi } from '../../../shared/ipc';
import type { Transfer } from '../../../shared/ipc/channels/files';
import { CliError, ExitCode } from '../cliError';
import { conversationWith, requireAccount } from '../engineWaits';
import { note, printJson, printLine, unwrap } from '../output';
import { createProgressPrinter } from './download';

export const SEND_FILE_USAGE = 'send-file <username | group> <path> [--json] [--timeout <seconds>]';

export type SendFileCliRequest = Readonly<{ to: string; path: string }>;

/** A mistake in a `send-file` command line; the caller turns it into its usage error. */
export class SendFileUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SendFileUsageError';
  }
}

/** Parses what follows `tidings send-file`; the path is taken relative to the working folder. */
export function parseSendFileArgs(args: readonly string[]): SendFileCliRequest {
  const [to, file, extra] = args;
  if (extra !== undefined) throw new SendFileUsageError(`unexpected argument "${extra}"`);
  if (to === undefined || to.trim() === '') throw new SendFileUsageError('<username | group> is required');
  if (file === undefined || file.trim() === '') throw new SendFileUsageError('<path> is required');
  return { to, path: path.resolve(file) };
}

/** A group by its conversation id, group id or name; anyone else by username (or user id). */
async function target(api: TidingsApi, who: string): Promise<Conversation> {
  const group = unwrap(await api.conversations.list({})).find(
    (c) => c.kind === 'group' && (c.id === who || c.group?.groupId === who || c.title === who),
  );
  return group ?? conversationWith(api, who);
}

type Options = Readonly<{ json: boolean; timeoutMs: number }>;
type Outcome = { message: Message | null; transfer: Transfer | null };

const settled = (m: Message): boolean => m.status === 'sent' || m.status === 'read' || m.status === 'failed';

/**
 * `tidings send-file <username|group> <path>`: uploads the file (an image if it is a picture)
 * with progress on stderr, and waits until the server acknowledges the message. Not done in
 * time, the upload resumes and the message goes out the next time tidings runs (exit 3).
 */
export async function runSendFile(
  api: TidingsApi,
  request: SendFileCliRequest,
  options: Options,
): Promise<number> {
  await requireAccount(api);
  const conversation = await target(api, request.to);
  const print = createProgressPrinter('uploading');
  const outcome: Outcome = { message: null, transfer: null };
  let id: string | null = null;
  let wake: () => void = () => undefined;
  const offProgress = api.files.onProgress((transfer) => {
    if (transfer.messageId !== id) return;
    print(transfer);
    if (transfer.state === 'failed' || transfer.state === 'cancelled') {
      outcome.transfer = transfer;
      wake();
    }
  });
  const offMessages = api.messages.onChanged(({ messages }) => {
    const mine = messages.find((m) => m.id === id && settled(m));
    if (mine) {
      outcome.message = mine;
      wake();
    }
  });
  try {
    const sent = unwrap(
      await api.files.send({ conversationId: conversation.id, source: { type: 'path', path: request.path } }),
    );
    id = sent.message.id;
    print(sent.transfer);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.timeoutMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
      // A very fast upload and ACK may have happened before `id` was known.
      void api.files.get({ messageId: sent.message.id }).then(async (result) => {
        const transfer = result.ok ? result.value.transfer : null;
        if (transfer?.state === 'failed') outcome.transfer = transfer;
        const page = await api.messages.list({ conversationId: conversation.id, limit: 50 });
        const mine = page.ok ? page.value.find((m) => m.id === id && settled(m)) : undefined;
        if (mine) outcome.message ??= mine;
        if (outcome.transfer || outcome.message) wake();
      });
    });
  } finally {
    offProgress();
    offMessages();
  }
  const { message, transfer } = outcome;
  if (transfer && transfer.state !== 'done')
    throw new CliError(`The file could not be sent: ${transfer.error?.message ?? transfer.state}`);
  if (message?.status === 'failed') throw new CliError(`The message ${id ?? ''} could not be sent.`);
  if (message === null) {
    note('Not sent yet: the upload resumes and the message goes out the next time tidings runs.');
    if (options.json) printJson({ id, status: 'sending' });
    return ExitCode.timeout;
  }
  if (options.json)
    printJson({
      id: message.id,
      conversationId: message.conversationId,
      kind: message.kind,
      status: message.status,
    });
  else printLine(`sent ${message.id}`);
  return ExitCode.ok;
}
