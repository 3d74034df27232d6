import { NoticeEvent } from '../../../../shared/protocol';

const groupEvents: ReadonlySet<string> = new Set([
  NoticeEvent.groupCreated,
  NoticeEvent.memberJoined,
  NoticeEvent.memberKicked,
  NoticeEvent.memberQuit,
  NoticeEvent.groupDissolved,
  NoticeEvent.groupRenamed,
  NoticeEvent.groupNotice,
  NoticeEvent.ownerTransferred,
  NoticeEvent.adminSet,
  NoticeEvent.adminUnset,
]);

/**
 * A group notice as the conversation list keeps it: `[notice:group-renamed] Summit`,
 * `[notice:member-quit]`. A marker, not a sentence, so the UI says it in the user's language;
 * the new name or announcement comes after it, so cutting a long preview keeps the marker.
 * Null for a notice that is not a group's.
 */
export function groupNoticePreview(body: Readonly<Record<string, unknown>>): string | null {
  if (typeof body.event !== 'string' || !groupEvents.has(body.event)) return null;
  const text = typeof body.text === 'string' ? body.text.trim() : '';
  return text === '' ? `[notice:${body.event}]` : `[notice:${body.event}] ${text}`;
}
