import { NoticeEvent } from '../../../../shared/protocol';

/** Group notices as the conversation list shows them; the UI renders the full sentence with names. */
const labels: Readonly<Record<string, string>> = {
  [NoticeEvent.groupCreated]: 'Group created',
  [NoticeEvent.memberJoined]: 'New members joined',
  [NoticeEvent.memberKicked]: 'A member was removed',
  [NoticeEvent.memberQuit]: 'A member left',
  [NoticeEvent.groupDissolved]: 'The group was dissolved',
  [NoticeEvent.groupRenamed]: 'Group renamed',
  [NoticeEvent.groupNotice]: 'New announcement',
  [NoticeEvent.ownerTransferred]: 'New group owner',
  [NoticeEvent.adminSet]: 'New admin',
  [NoticeEvent.adminUnset]: 'An admin stepped down',
};

/** `[Group renamed: Summit]`, `[A member left]`; null for a notice that is not a group's. */
export function groupNoticePreview(body: Readonly<Record<string, unknown>>): string | null {
  const label = typeof body.event === 'string' ? labels[body.event] : undefined;
  if (label === undefined) return null;
  const text = typeof body.text === 'string' && body.text.trim() !== '' ? `: ${body.text}` : '';
  return `[${label}${text}]`;
}
