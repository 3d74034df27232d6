import type { Message } from '../../../../../shared/ipc/models';

/**
 * One row of the timeline per message, keyed by the message id. Day separators and the
 * new-messages divider belong to a message row rather than being rows of their own: a row's key
 * and size must not change when older messages are prepended, or the view would jump. So the
 * separator for a new day hangs below the last message of the day before (`dayAfter`), and the
 * first loaded message shows its day (`dayBefore`) only once no older history is left.
 */
export type TimelineRow = Readonly<{
  key: string;
  message: Message;
  dayBefore: number | null;
  dayAfter: number | null;
  newBefore: boolean;
}>;

function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

export function buildRows(
  messages: readonly Message[],
  firstNewId: string | null,
  olderComplete: boolean,
): TimelineRow[] {
  return messages.map((message, index) => {
    const next = messages[index + 1];
    return {
      key: message.id,
      message,
      dayBefore: index === 0 && olderComplete ? message.sentAt : null,
      dayAfter: next && !sameDay(message.sentAt, next.sentAt) ? next.sentAt : null,
      newBefore: message.id === firstNewId,
    };
  });
}

/** The first of the last `unread` incoming messages: where the new-messages divider goes. */
export function firstUnreadId(messages: readonly Message[], unread: number): string | null {
  if (unread <= 0) return null;
  let left = unread;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (!message || message.outgoing) continue;
    left -= 1;
    if (left === 0) return message.id;
  }
  return messages.find((m) => !m.outgoing)?.id ?? null;
}
