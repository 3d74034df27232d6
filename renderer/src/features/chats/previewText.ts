import type { TFunction } from 'i18next';

const KIND_PREVIEW = /^\[([a-z-]+)\]$/i;
const KNOWN = new Set(['image', 'file', 'card', 'recalled', 'notice', 'broadcast']);

/** The engine's group-notice marker: `[notice:group-renamed] Summit`. */
const NOTICE_PREVIEW = /^\[notice:([a-z-]+)\](?: ([\s\S]*))?$/;
const NOTICE_EVENTS = new Set([
  'group-created',
  'member-joined',
  'member-kicked',
  'member-quit',
  'group-dissolved',
  'group-renamed',
  'group-notice',
  'owner-transferred',
  'admin-set',
  'admin-unset',
]);

/** Earlier versions stored English sentences; conversations keep them until their next message. */
const LEGACY_NOTICE =
  /^\[(Group created|New members joined|A member was removed|A member left|The group was dissolved|Group renamed|New announcement|New group owner|New admin|An admin stepped down)(?:: ([\s\S]*?))?\]?$/;
const LEGACY_EVENTS: Readonly<Record<string, string>> = {
  'Group created': 'group-created',
  'New members joined': 'member-joined',
  'A member was removed': 'member-kicked',
  'A member left': 'member-quit',
  'The group was dissolved': 'group-dissolved',
  'Group renamed': 'group-renamed',
  'New announcement': 'group-notice',
  'New group owner': 'owner-transferred',
  'New admin': 'admin-set',
  'An admin stepped down': 'admin-unset',
};

function noticePreview(event: string, text: string, t: TFunction<'chats'>): string {
  const label = t(`previewNotice.${event as 'group-created'}`);
  return text === '' ? t('previewNotice.label', { label }) : t('previewNotice.withText', { label, text });
}

/**
 * The engine previews non-text messages as "[kind]" and group notices as a marker, in English;
 * the list shows them translated. Real text that happens to look like that is rare and harmless
 * to translate.
 */
export function previewText(preview: string, t: TFunction<'chats'>): string {
  const notice = NOTICE_PREVIEW.exec(preview);
  if (notice?.[1] && NOTICE_EVENTS.has(notice[1])) return noticePreview(notice[1], notice[2] ?? '', t);
  const legacy = LEGACY_NOTICE.exec(preview);
  const legacyEvent = legacy?.[1] ? LEGACY_EVENTS[legacy[1]] : undefined;
  if (legacyEvent) return noticePreview(legacyEvent, legacy?.[2] ?? '', t);
  const match = KIND_PREVIEW.exec(preview);
  if (!match?.[1]) return preview;
  const kind = match[1].toLowerCase();
  return KNOWN.has(kind) ? t(`preview.${kind as 'image'}`) : t('preview.other');
}
