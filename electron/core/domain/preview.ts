import { groupNoticePreview } from '../social/groups/noticePreview';

const MAX_PREVIEW = 120;

/** What the list shows for a recalled message; the UI may translate it. */
export const RECALLED_PREVIEW = '[recalled]';

/** Kinds without text preview as a label; the UI may translate it. */
const kindPreviews: Readonly<Record<string, string>> = { image: '[Image]', file: '[File]' };

/**
 * The one-line preview of a message in the conversation list. A kind this version does not
 * know previews as its name so the list never shows an empty line.
 */
export function messagePreview(kind: string, body: Readonly<Record<string, unknown>>): string {
  const text =
    kind === 'text' && typeof body.text === 'string'
      ? body.text
      : ((kind === 'notice' ? groupNoticePreview(body) : null) ?? kindPreviews[kind] ?? `[${kind}]`);
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_PREVIEW) return line;
  // Do not cut a surrogate pair (an emoji) in half.
  const cut = Array.from(line).slice(0, MAX_PREVIEW).join('');
  return cut.length < line.length ? `${cut}…` : cut;
}

/** The searchable text of a message body (a text message's text; nothing for other kinds). */
export function messageText(kind: string, body: Readonly<Record<string, unknown>>): string {
  return kind === 'text' && typeof body.text === 'string' ? body.text : '';
}
