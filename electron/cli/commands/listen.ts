import {
  SYSTEM_NOTICES_CONVERSATION_ID,
  type ConnectionState,
  type Message,
  type TidingsApi,
} from '../../../shared/ipc';
import { noticeOutput, noticeRemovedOutput, type NoticeOutput } from '../../core/broadcasts/cli/noticeLines';
import type { Command } from '../args';
import { requireAccount } from '../engineWaits';
import { describeConnection, formatTime, messageText, note, printJson, printLine, unwrap } from '../output';

/**
 * `tidings listen`: stays connected and prints every new incoming message and every status
 * change of the user's messages, one line (or one JSON object) each. Older history that sync
 * or backfill brings in is not "new" and is not printed.
 */
export async function runListen(
  api: TidingsApi,
  command: Extract<Command, { kind: 'listen' }>,
  stopped: Promise<void>,
): Promise<number> {
  await requireAccount(api);
  const account = unwrap(await api.auth.current({}));
  const seen = new Map<string, Message>();
  /**
   * Per conversation known at the start, the highest sequence it held then: anything at or
   * below is history. A conversation that appears later is new from its first message.
   */
  const tops = new Map<string, Promise<number>>();
  for (const conversation of unwrap(await api.conversations.list({}))) {
    tops.set(
      conversation.id,
      api.messages
        .list({ conversationId: conversation.id, limit: 1 })
        .then((page) => (page.ok ? Math.max(0, ...page.value.map((m) => m.seq ?? 0)) : 0)),
    );
  }
  const topOf = (conversationId: string): Promise<number> => tops.get(conversationId) ?? Promise.resolve(0);

  const printMessage = (m: Message): void => {
    if (command.json)
      printJson({
        type: 'message',
        id: m.id,
        conversationId: m.conversationId,
        seq: m.seq,
        from: m.senderId,
        sentAt: m.sentAt,
        kind: m.kind,
        text: messageText(m),
      });
    else printLine(`[${formatTime(m.sentAt)}] ${m.senderId}: ${messageText(m)}`);
  };
  const printStatus = (m: Message): void => {
    if (command.json)
      printJson({ type: 'status', id: m.id, conversationId: m.conversationId, seq: m.seq, status: m.status });
    else
      printLine(
        `${m.status === 'failed' ? '✗' : m.status === 'read' ? '✓✓' : m.status === 'sent' ? '✓' : '…'} ${m.status} ${m.id}`,
      );
  };
  const printRecall = (m: Message): void => {
    if (command.json)
      printJson({
        type: 'recall',
        id: m.id,
        conversationId: m.conversationId,
        seq: m.seq,
        by: m.recalled?.by ?? null,
      });
    else printLine(`recalled ${m.id}`);
  };

  // Events are handled in arrival order, each after the previous one.
  let chain = Promise.resolve();
  const offMessages = api.messages.onChanged(({ conversationId, messages }) => {
    // Broadcast notices are printed from their own events below.
    if (conversationId === SYSTEM_NOTICES_CONVERSATION_ID) return;
    chain = chain.then(async () => {
      const top = await topOf(conversationId);
      // Being sent (no sequence yet), or newer than what the conversation held at the start.
      const isNew = (m: Message): boolean => m.seq === null || m.seq > top;
      for (const m of messages) {
        const before = seen.get(m.id);
        seen.set(m.id, m);
        if (m.recalled && !before?.recalled && (before || isNew(m))) printRecall(m);
        else if (m.outgoing) {
          if (before ? before.status !== m.status : isNew(m)) printStatus(m);
        } else if (!before && isNew(m) && !m.recalled) printMessage(m);
      }
    });
  });
  const printNotice = (output: NoticeOutput): void => {
    if (command.json) printJson(output.json);
    else printLine(output.line);
  };
  const offNotices = api.broadcasts.onChanged(({ notices }) => {
    chain = chain.then(() => notices.forEach((notice) => printNotice(noticeOutput(notice))));
  });
  const offNoticesRemoved = api.broadcasts.onRemoved(({ ids, reason }) => {
    chain = chain.then(() => ids.forEach((id) => printNotice(noticeRemovedOutput(id, reason))));
  });
  const offConnection = api.connection.onChanged((state: ConnectionState) => {
    if (command.json) printJson({ type: 'connection', ...state });
    else note(`tidings: ${describeConnection(state)}`);
  });
  note(`Listening as ${account?.username ?? '?'} (Ctrl+C to stop).`);
  const initial = unwrap(await api.connection.get({}));
  if (command.json) printJson({ type: 'connection', ...initial });
  await stopped;
  offMessages();
  offNotices();
  offNoticesRemoved();
  offConnection();
  await chain;
  return 0;
}
