import type { Message, TidingsApi } from '../../../shared/ipc';
import type { Command } from '../args';
import { CliError, ExitCode } from '../cliError';
import { conversationWith, requireAccount, waitForConnection } from '../engineWaits';
import { note, printJson, printLine, unwrap } from '../output';
import { findGroup, localGroup } from './group';

const settled = (m: Message): boolean => m.status === 'sent' || m.status === 'read' || m.status === 'failed';

/**
 * Where `to` points: a group this device knows (by id or name), else the conversation with a
 * user (by username or id), else a group the server lists (a device new to the account).
 */
async function conversationFor(api: TidingsApi, to: string, timeoutMs: number): Promise<string> {
  const group = await localGroup(api, to);
  if (group) {
    // Catch up first, so a membership that ended while this device was away says so clearly.
    if ((await waitForConnection(api, timeoutMs)).status === 'online') unwrap(await api.sync.now({}));
    return group.conversationId;
  }
  try {
    return (await conversationWith(api, to)).id;
  } catch (error) {
    const listed = await findGroup(api, to, timeoutMs);
    if (listed) return listed.conversationId;
    throw error;
  }
}

/**
 * `tidings send <username | group> <text>`: writes the message to the outbox and waits for the
 * server's acknowledgement. Not acknowledged in time, it stays queued (exit 3) and the next
 * run of any tidings command sends it, with the same fp, so it is never stored twice.
 */
export async function runSend(api: TidingsApi, command: Extract<Command, { kind: 'send' }>): Promise<number> {
  await requireAccount(api);
  const conversationId = await conversationFor(api, command.to, command.timeoutMs);
  let id: string | null = null;
  let outcome: Message | null = null;
  let wake: () => void = () => undefined;
  // Subscribed before sending, so an acknowledgement can never come before we listen.
  const off = api.messages.onChanged(({ messages }) => {
    const mine = messages.find((m) => m.id === id && settled(m));
    if (mine) {
      outcome = mine;
      wake();
    }
  });
  try {
    const message = unwrap(await api.messages.send({ conversationId, text: command.text }));
    id = message.id;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, command.timeoutMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
      // An event before `id` was known (a very fast ACK) shows up in the list.
      void api.messages.list({ conversationId, limit: 20 }).then((page) => {
        const mine = page.ok ? page.value.find((m) => m.id === id && settled(m)) : undefined;
        if (mine) {
          outcome ??= mine;
          wake();
        }
      });
    });
  } finally {
    off();
  }
  const final = outcome as Message | null;
  if (final?.status === 'failed') throw new CliError(`The message ${id ?? ''} could not be sent.`);
  if (final === null) {
    note('Not acknowledged yet: the message stays queued and goes out the next time tidings connects.');
    if (command.json) printJson({ id, status: 'sending' });
    return ExitCode.timeout;
  }
  if (command.json) printJson({ id: final.id, conversationId: final.conversationId, status: final.status });
  else printLine(`sent ${final.id}`);
  return ExitCode.ok;
}
