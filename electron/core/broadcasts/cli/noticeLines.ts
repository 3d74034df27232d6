import type { BroadcastNotice } from '../../../../shared/ipc/channels/broadcasts';

/** How `tidings listen` shows a notice: one line for people, one JSON object for scripts. */
export type NoticeOutput = Readonly<{ line: string; json: Record<string, unknown> }>;

const pad = (n: number): string => String(n).padStart(2, '0');

function localTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Terminal-safe: control characters in a server's text could move the cursor or clear the screen. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

export function noticeOutput(notice: BroadcastNotice): NoticeOutput {
  const expiry = notice.expiresAt === null ? '' : ` (until ${localTime(notice.expiresAt)})`;
  return {
    line: `[${localTime(notice.publishedAt)}] notice: ${plain(notice.title)} — ${plain(notice.body)}${expiry}`,
    json: {
      type: 'broadcast',
      id: notice.id,
      title: notice.title,
      body: notice.body,
      publishedAt: notice.publishedAt,
      expiresAt: notice.expiresAt,
    },
  };
}

export function noticeRemovedOutput(id: string, reason: 'recalled' | 'expired'): NoticeOutput {
  return { line: `notice ${reason}: ${id}`, json: { type: 'broadcast-removed', id, reason } };
}
