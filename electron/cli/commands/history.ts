import type { TidingsApi } from '../../../shared/ipc';
import type { Command } from '../args';
import { ExitCode } from '../cliError';
import { conversationWith, requireAccount, waitForConnection } from '../engineWaits';
import { formatTime, messageRecord, messageText, note, printJson, printLine, unwrap } from '../output';

/**
 * `tidings history <username>`: the newest messages with a user, oldest first. A process that
 * owns the engine catches up with the server first (briefly); offline, the local copy is shown.
 */
export async function runHistory(
  api: TidingsApi,
  command: Extract<Command, { kind: 'history' }>,
  ownsEngine: boolean,
): Promise<number> {
  await requireAccount(api);
  if (ownsEngine) {
    const state = await waitForConnection(api, Math.min(command.timeoutMs, 10_000));
    if (state.status === 'online') {
      const synced = await api.sync.now({});
      if (!synced.ok) note(`Could not sync (${synced.error.message}); showing what is stored here.`);
    } else if (state.status !== 'basic') note('Offline: showing what is stored here.');
  }
  const conversation = await conversationWith(api, command.with);
  const messages = unwrap(await api.messages.list({ conversationId: conversation.id, limit: command.limit }));
  for (const message of messages) {
    if (command.json) {
      printJson(messageRecord(message));
      continue;
    }
    const who = message.outgoing ? 'me' : (conversation.peer?.username ?? message.senderId);
    const status = message.outgoing ? ` (${message.status})` : '';
    printLine(`[${formatTime(message.sentAt)}] ${who}: ${messageText(message)}${status}`);
  }
  return ExitCode.ok;
}
