import type { Message } from '../../../../../shared/ipc/models';

export type TimelineRow =
  | Readonly<{ type: 'day'; key: string; at: number }>
  | Readonly<{ type: 'new'; key: string }>
  | Readonly<{ type: 'message'; key: string; message: Message }>;

function dayKey(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/**
 * The rows of the timeline: messages in order, a day separator before the first message of each
 * local day, and the new-messages divider before `firstNewId`. Keys are stable across pages, so
 * the virtualizer keeps measured sizes when older messages are prepended.
 */
export function buildRows(messages: readonly Message[], firstNewId: string | null): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let lastDay = '';
  for (const message of messages) {
    const day = dayKey(message.sentAt);
    if (day !== lastDay) {
      rows.push({ type: 'day', key: `day:${day}`, at: message.sentAt });
      lastDay = day;
    }
    if (message.id === firstNewId) rows.push({ type: 'new', key: 'new-divider' });
    rows.push({ type: 'message', key: message.id, message });
  }
  return rows;
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
