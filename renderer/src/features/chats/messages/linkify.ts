export type TextPart =
  Readonly<{ type: 'text'; text: string }> | Readonly<{ type: 'link'; text: string; url: string }>;

/** Web addresses in message text; trailing punctuation is left out of the link. */
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'，。！？、）】]+/giu;
const TRAILING = /[.,;:!?)\]}'"]+$/u;

/** Splits text into plain parts and links, to render each as text (never as HTML). */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    let raw = match[0];
    const trailing = TRAILING.exec(raw);
    if (trailing) raw = raw.slice(0, raw.length - trailing[0].length);
    if (!raw) continue;
    if (start > last) parts.push({ type: 'text', text: text.slice(last, start) });
    parts.push({
      type: 'link',
      text: raw,
      url: raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw,
    });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ type: 'text', text: text.slice(last) });
  return parts;
}
