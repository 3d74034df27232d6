import type { TFunction } from 'i18next';

const KIND_PREVIEW = /^\[([a-z-]+)\]$/i;
const KNOWN = new Set(['image', 'file', 'card', 'recalled', 'notice', 'broadcast']);

/**
 * The engine previews non-text messages as "[kind]" in English; the list shows them translated.
 * Real text that happens to look like that is rare and harmless to translate.
 */
export function previewText(preview: string, t: TFunction<'chats'>): string {
  const match = KIND_PREVIEW.exec(preview);
  if (!match?.[1]) return preview;
  const kind = match[1].toLowerCase();
  return KNOWN.has(kind) ? t(`preview.${kind as 'image'}`) : t('preview.other');
}
